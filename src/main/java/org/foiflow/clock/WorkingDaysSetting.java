package org.foiflow.clock;

import org.foiflow.casefile.Jurisdiction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The installation's calendar of working days, by its {@link Jurisdiction}: FOIA s.10(6) (any part of the UK's bank
 * holidays) for the UK, FOISA s.73 (Scotland's alone) for Scotland. Every count of working days for a case (the
 * statutory clock, task due and follow-up dates, the deadline watch, the aggregation window, the review clock) takes
 * this one bean.
 */
@Configuration(proxyBeanMethods = false)
public class WorkingDaysSetting {

  @Bean
  public UkWorkingDays workingDays(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.SCOTLAND ? new ScottishWorkingDays() : new UkWorkingDays();
  }
}
