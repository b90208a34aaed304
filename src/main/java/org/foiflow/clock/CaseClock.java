package org.foiflow.clock;

import static org.foiflow.casefile.CaseVariable.CLOCK;
import static org.foiflow.casefile.CaseVariable.CLOCK_PAUSED_REASON;
import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.TASK_DUE_DATE;
import static org.foiflow.casefile.CaseVariable.TASK_FOLLOW_UP_DATE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.ClockSettings;
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

  /** A business unit's "Provide information" task (org.foiflow.contributions), dated by its internal deadline. */
  static final String UNIT_TASK = "ProvideInformation";

  private final StatutoryClock statutoryClock;
  private final CaseIndex caseIndex;
  private final ZoneId zone;
  private final int followUpWorkingDays;

  public CaseClock(StatutoryClock statutoryClock, CaseIndex caseIndex,
                   ClockSettings settings) {
    this.statutoryClock = statutoryClock;
    this.caseIndex = caseIndex;
    this.zone = settings.zone();
    this.followUpWorkingDays = settings.followUpWorkingDays();
  }

  /** Today as the engine sees it, so tests that move the engine's clock move the statutory one too. */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Starts a 20-working-day period on a request received (or clarified) on the given day. */
  public LocalDate start(DelegateExecution caseScope, LocalDate receivedOn) {
    return runUntil(caseScope, statutoryClock.responseDue(receivedOn));
  }

  /** Runs the clock towards the given due date, e.g. one moved by an extension (s.10(3), EIR reg 7). */
  public LocalDate runUntil(DelegateExecution caseScope, LocalDate due) {
    CaseFile file = CaseFile.of(caseScope);
    file.put(DUE_ON, due.toString());
    file.put(CLOCK, RUNNING);
    file.remove(CLOCK_PAUSED_REASON);
    dateTasks(caseScope, due);
    Date taskDue = (Date) file.value(TASK_DUE_DATE);
    Date taskFollowUp = (Date) file.value(TASK_FOLLOW_UP_DATE);
    // Tasks already open (e.g. a manager's alert) follow the new dates too; a business unit's keeps its internal
    // deadline, which never moves with the statutory clock.
    for (TaskEntity task : Context.getCommandContext().getTaskManager()
        .findTasksByProcessInstanceId(caseScope.getProcessInstanceId())) {
      if (UNIT_TASK.equals(task.getTaskDefinitionKey())) {
        continue;
      }
      task.setDueDate(taskDue);
      task.setFollowUpDate(taskFollowUp);
    }
    caseIndex.clock(caseScope.getProcessInstanceId(), RUNNING, null, due);
    return due;
  }

  /**
   * The due date (end of that day) and follow-up date (the configured working days before it) that the
   * scope's next user tasks take through "${taskDueDate}" and "${taskFollowUpDate}" in the models.
   */
  public void dateTasks(VariableScope scope, LocalDate due) {
    CaseFile file = CaseFile.of(scope);
    file.put(TASK_DUE_DATE, endOf(due));
    file.put(TASK_FOLLOW_UP_DATE, startOf(statutoryClock.followUp(due, followUpWorkingDays)));
  }

  public void pause(DelegateExecution caseScope, String reason) {
    CaseFile file = CaseFile.of(caseScope);
    file.put(CLOCK, PAUSED);
    file.put(CLOCK_PAUSED_REASON, reason);
    caseIndex.clock(caseScope.getProcessInstanceId(), PAUSED, reason, null);
  }

  public void stop(DelegateExecution caseScope) {
    CaseFile file = CaseFile.of(caseScope);
    file.put(CLOCK, STOPPED);
    file.remove(CLOCK_PAUSED_REASON);
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
