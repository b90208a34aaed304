package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT;
import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_NAME;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ANSWER;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_DATE;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_FOLLOW_UP_DATE;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_OVERDUE_AT;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_REMINDER_AT;
import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.HOURS_SPENT;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.RECOMMENDED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.SUGGESTED_UNIT;
import static org.foiflow.casefile.CaseVariable.WHAT_HELD;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.stereotype.Component;

/**
 * "Set the internal deadline": records the contribution asked of this instance's unit and dates its task. The
 * internal deadline is the unit's working days from the request, never after the statutory date, and never before
 * today (a unit asked late is due today). The reminder goes at 09:00 on the working day before it, the escalation
 * at 09:00 on the working day after. Everything is local to this instance, so each unit's dates and answers stay
 * its own; the case's statutory dates are not touched.
 */
@Component("openContribution")
public class OpenContribution implements JavaDelegate {

  static final LocalTime MORNING = LocalTime.of(9, 0);

  private final BusinessUnits units;
  private final ContributionRecords records;
  private final CaseClock clock;
  private final UkWorkingDays workingDays;

  public OpenContribution(BusinessUnits units, ContributionRecords records, CaseClock clock, UkWorkingDays workingDays) {
    this.units = units;
    this.records = records;
    this.clock = clock;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution instance) {
    CaseFile file = CaseFile.of(instance);
    String groupId = file.text(BUSINESS_UNIT);
    BusinessUnit unit = units.find(groupId).orElseThrow(() -> new IllegalStateException(
        "the business unit " + groupId + " asked on " + file.reference() + " does not exist"));
    LocalDate today = clock.today();
    LocalDate due = internalDeadline(file.date(RECEIVED_ON), file.date(DUE_ON), unit.deadlineWorkingDays(), today);
    String id = UUID.randomUUID().toString();
    Authentication acting = instance.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    records.asked(id, file.reference(), instance.getProcessInstanceId(), groupId,
        acting == null ? null : acting.getUserId(), today, due);

    Date reminderAt = at(workingDays.addWorkingDays(due, -1));
    local(instance, CONTRIBUTION_ID, id);
    local(instance, BUSINESS_UNIT_NAME, unit.name());
    local(instance, CONTRIBUTION_DUE_ON, due.toString());
    local(instance, CONTRIBUTION_DUE_DATE, clock.endOf(due));
    local(instance, CONTRIBUTION_FOLLOW_UP_DATE, reminderAt);
    local(instance, CONTRIBUTION_REMINDER_AT, reminderAt);
    local(instance, CONTRIBUTION_OVERDUE_AT, at(workingDays.addWorkingDays(due, 1)));
    // the form's answers are written where these are found: in this instance, not on the case
    for (ProcessVariable answer : new ProcessVariable[] {CONTRIBUTION_ANSWER, WHAT_HELD, HOURS_SPENT, SUGGESTED_UNIT}) {
      local(instance, answer, null);
    }
    // an empty JSON list, not null: Tasklist submits a checklist with the type of the variable it read, and a
    // list sent as type Null is refused by the engine's REST API (400) before any of foiflow's checks
    local(instance, RECOMMENDED_EXEMPTIONS, Spin.JSON("[]"));
  }

  /** The unit's working days from the request, never after the statutory date, and today at the earliest. */
  LocalDate internalDeadline(LocalDate receivedOn, LocalDate dueOn, int unitWorkingDays, LocalDate today) {
    LocalDate due = workingDays.addWorkingDays(receivedOn, unitWorkingDays);
    if (dueOn != null && due.isAfter(dueOn)) {
      due = dueOn;
    }
    return due.isAfter(today) ? due : today;
  }

  private Date at(LocalDate day) {
    return Date.from(day.atTime(MORNING).atZone(clock.zone()).toInstant());
  }

  private static void local(DelegateExecution instance, ProcessVariable variable, Object value) {
    instance.setVariableLocal(variable.key(), value);
  }
}
