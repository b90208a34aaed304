package org.foiflow.clock;

import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Resume the statutory clock" after a fee: s.10(2) disregards the working days from the day the fees
 * notice was given to the day the fee was received, so the due date moves later by exactly those days.
 */
@Component("resumeClockAfterFee")
public class ResumeClockAfterFee implements JavaDelegate {

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;

  public ResumeClockAfterFee(StatutoryClock statutoryClock, CaseClock caseClock) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate given = file.dayThatHappened(FEE_RECEIVED_ON, caseClock.today());
    LocalDate received = given != null ? given : caseClock.today();
    caseClock.runUntil(execution,
        statutoryClock.afterFeesPause(file.date(DUE_ON), file.date(FEES_NOTICE_GIVEN_ON), received));
  }
}
