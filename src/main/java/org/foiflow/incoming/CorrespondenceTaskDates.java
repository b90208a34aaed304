package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.TASK_DUE_DATE;
import static org.foiflow.mailbox.CorrespondenceVariable.TASK_FOLLOW_UP_DATE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.stereotype.Component;

/**
 * The due and follow-up dates of a message's tasks, when whoever started the process left them out: a message is
 * sorted within 2 working days (a request's 20 working days may already run from the day it arrived), followed up
 * the next working day.
 */
@Component("correspondenceTaskDates")
public class CorrespondenceTaskDates implements ExecutionListener {

  static final int DUE_IN_WORKING_DAYS = 2;

  private final CaseClock caseClock;
  private final UkWorkingDays workingDays;

  public CorrespondenceTaskDates(CaseClock caseClock, UkWorkingDays workingDays) {
    this.caseClock = caseClock;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate today = caseClock.today();
    if (file.value(TASK_DUE_DATE) == null) {
      file.put(TASK_DUE_DATE, caseClock.endOf(workingDays.addWorkingDays(today, DUE_IN_WORKING_DAYS)));
    }
    if (file.value(TASK_FOLLOW_UP_DATE) == null) {
      file.put(TASK_FOLLOW_UP_DATE, caseClock.startOf(workingDays.addWorkingDays(today, 1)));
    }
  }
}
