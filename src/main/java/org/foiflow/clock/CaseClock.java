package org.foiflow.clock;

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
    caseScope.setVariable("dueOn", due.toString());
    caseScope.setVariable("clock", RUNNING);
    caseScope.removeVariable("clockPausedReason");
    dateTasks(caseScope, due);
    Date taskDue = (Date) caseScope.getVariable("taskDueDate");
    Date taskFollowUp = (Date) caseScope.getVariable("taskFollowUpDate");
    // Tasks already open (e.g. a manager's alert) follow the new dates too.
    for (TaskEntity task : Context.getCommandContext().getTaskManager()
        .findTasksByProcessInstanceId(caseScope.getProcessInstanceId())) {
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
    scope.setVariable("taskDueDate", endOf(due));
    scope.setVariable("taskFollowUpDate", startOf(statutoryClock.followUp(due, followUpWorkingDays)));
  }

  public void pause(DelegateExecution caseScope, String reason) {
    caseScope.setVariable("clock", PAUSED);
    caseScope.setVariable("clockPausedReason", reason);
    caseIndex.clock(caseScope.getProcessInstanceId(), PAUSED, reason, null);
  }

  public void stop(DelegateExecution caseScope) {
    caseScope.setVariable("clock", STOPPED);
    caseScope.removeVariable("clockPausedReason");
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
