package org.foiflow.complaints;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates of the complaint's next task: the Commissioner sets them (the date our response is due, the
 * date by which ordered steps must be taken); between them, the dates we chase the Commissioner or the
 * Tribunal. Each becomes the due date, and a follow-up some working days before it, of the task in Tasklist.
 */
@Component
public class ComplaintDates {

  private final CaseClock caseClock;
  private final StatutoryClock statutoryClock;
  private final int followUpWorkingDays;

  public ComplaintDates(CaseClock caseClock, StatutoryClock statutoryClock,
                        @Value("${foiflow.clock.follow-up-working-days:5}") int followUpWorkingDays) {
    this.caseClock = caseClock;
    this.statutoryClock = statutoryClock;
    this.followUpWorkingDays = followUpWorkingDays;
  }

  public void nextTaskDue(VariableScope complaint, LocalDate due) {
    complaint.setVariable("taskDueDate", caseClock.endOf(due));
    complaint.setVariable("taskFollowUpDate", caseClock.startOf(statutoryClock.followUp(due, followUpWorkingDays)));
  }
}
