package org.foiflow.monitoring;

import static org.foiflow.casefile.CaseVariable.AT_RISK_ESCALATED;
import static org.foiflow.casefile.CaseVariable.BREACH_ESCALATED;
import static org.foiflow.casefile.CaseVariable.CLOCK;
import static org.foiflow.casefile.CaseVariable.DEADLINE_STATUS;
import static org.foiflow.casefile.CaseVariable.DUE_ON;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ClockSettings;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.DeadlineStatus;
import org.foiflow.clock.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * The deadline watch of bpmn/foi-request.bpmn: "Next deadline milestone" asks {@link #nextMilestone} when
 * to wake up, and "Check the statutory clock" (this delegate) says where the case stands. Which alert to
 * raise is decided by the model's gateway, not here.
 */
@Component("deadlineWatch")
public class DeadlineWatch implements JavaDelegate {

  /** Alerts go out at the start of the working day, not at midnight. */
  private static final LocalTime MORNING = LocalTime.of(8, 0);

  /** The watch's timer in the model ("Next deadline milestone"). */
  static final String WATCH_TIMER = "NextDeadlineMilestone";

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;
  private final int atRiskWorkingDays;

  public DeadlineWatch(StatutoryClock statutoryClock, CaseClock caseClock,
                       ClockSettings settings) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
    this.atRiskWorkingDays = settings.atRiskWorkingDays();
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    file.put(DEADLINE_STATUS, status(execution).name());
    for (CaseVariable flag : new CaseVariable[] {AT_RISK_ESCALATED, BREACH_ESCALATED}) {
      if (file.value(flag) == null) {
        file.put(flag, false);
      }
    }
  }

  public DeadlineStatus status(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    return statutoryClock.status(file.date(DUE_ON), caseClock.today(), atRiskWorkingDays,
        CaseClock.PAUSED.equals(file.text(CLOCK)));
  }

  /**
   * The next moment the watch should look again. Always in the future unless an alert is owed now, so the
   * watch never spins: while paused it looks again tomorrow; after the breach alert it sleeps until the
   * case closes (the closing end event ends the watch).
   */
  public Date nextMilestone(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate today = caseClock.today();
    LocalDate due = file.date(DUE_ON);
    Date now = ClockUtil.getCurrentTime();
    if (CaseClock.PAUSED.equals(file.text(CLOCK))) {
      return at(today.plusDays(1));
    }
    if (today.isAfter(due)) {
      return file.flag(BREACH_ESCALATED) ? at(today.plusYears(1)) : now;
    }
    LocalDate firstAtRiskDay = statutoryClock.followUp(due, atRiskWorkingDays);
    if (!today.isBefore(firstAtRiskDay)) {
      return file.flag(AT_RISK_ESCALATED) ? at(due.plusDays(1)) : now;
    }
    return at(firstAtRiskDay);
  }

  /**
   * "Re-arm the deadline watch", after the clock restarts (a clarification) or resumes (a fee): an alert no longer
   * owed on the new due date has its flag cleared, which the alert task's "Alert no longer applies" event in the
   * model waits for, so it can be raised again later; the watch's timer is set again from {@link #nextMilestone}.
   */
  public void rearm(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate today = caseClock.today();
    LocalDate due = file.date(DUE_ON);
    if (!today.isAfter(due)) {
      file.put(BREACH_ESCALATED, false);
    }
    if (today.isBefore(statutoryClock.followUp(due, atRiskWorkingDays))) {
      file.put(AT_RISK_ESCALATED, false);
    }
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    // the engine's own step: the officer whose answer restarted the clock need no rights over the watch's timer
    Context.getCommandContext().runWithoutAuthorization(() -> {
      management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(WATCH_TIMER).list()
          .forEach(timer -> management.recalculateJobDuedate(timer.getId(), false));
      return null;
    });
  }

  private Date at(LocalDate day) {
    return Date.from(day.atTime(MORNING).atZone(caseClock.zone()).toInstant());
  }
}
