package org.foiflow.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the statutory clock on a case: the response date and the due and follow-up dates every user task
 * shows in Tasklist. Stage changes that stop or restart the clock come through here, so the dates on the
 * case and on its tasks never disagree.
 */
@Component
public class CaseClock {

  public static final String RUNNING = "RUNNING";
  public static final String PAUSED = "PAUSED";
  public static final String STOPPED = "STOPPED";

  private final StatutoryClock statutoryClock;
  private final ZoneId zone;
  private final int followUpWorkingDays;

  public CaseClock(StatutoryClock statutoryClock,
                   @Value("${foiflow.clock.zone:Europe/London}") String zone,
                   @Value("${foiflow.clock.follow-up-working-days:5}") int followUpWorkingDays) {
    this.statutoryClock = statutoryClock;
    this.zone = ZoneId.of(zone);
    this.followUpWorkingDays = followUpWorkingDays;
  }

  /** Today as the engine sees it, so tests that move the engine's clock move the statutory one too. */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Starts a 20-working-day period on a request received (or clarified) on the given day. */
  public LocalDate start(VariableScope caseScope, LocalDate receivedOn) {
    LocalDate due = statutoryClock.responseDue(receivedOn);
    caseScope.setVariable("dueOn", due.toString());
    caseScope.setVariable("clock", RUNNING);
    caseScope.removeVariable("clockPausedReason");
    setTaskDates(caseScope, due);
    return due;
  }

  public void pause(VariableScope caseScope, String reason) {
    caseScope.setVariable("clock", PAUSED);
    caseScope.setVariable("clockPausedReason", reason);
  }

  public void stop(VariableScope caseScope) {
    caseScope.setVariable("clock", STOPPED);
    caseScope.removeVariable("clockPausedReason");
  }

  private void setTaskDates(VariableScope caseScope, LocalDate due) {
    caseScope.setVariable("taskDueDate", endOf(due));
    caseScope.setVariable("taskFollowUpDate", startOf(statutoryClock.followUp(due, followUpWorkingDays)));
  }

  public Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
  }

  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** For code outside the engine, e.g. a plain clock for the deadline view. */
  public Clock asJavaClock() {
    return Clock.system(zone);
  }
}
