package org.foiflow.review;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The review's own clock: 20 working days from the day the request for review arrived (s.45 Code of
 * Practice, part 5), at most 40 when the review is complex (the Code's outer limit; for environmental
 * information the hard limit of EIR reg 11(4)). Its date is the due date of every review task in Tasklist.
 */
@Component
public class ReviewClock {

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;
  private final int followUpWorkingDays;

  public ReviewClock(StatutoryClock statutoryClock, CaseClock caseClock,
                     @Value("${foiflow.clock.follow-up-working-days:5}") int followUpWorkingDays) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
    this.followUpWorkingDays = followUpWorkingDays;
  }

  public LocalDate start(DelegateExecution review, LocalDate receivedOn) {
    review.setVariable("reviewLimitOn", statutoryClock.internalReviewDue(receivedOn, true).toString());
    review.setVariable("reviewExtended", false);
    return runUntil(review, statutoryClock.internalReviewDue(receivedOn, false));
  }

  public LocalDate extend(DelegateExecution review, LocalDate receivedOn) {
    review.setVariable("reviewExtended", true);
    return runUntil(review, statutoryClock.internalReviewDue(receivedOn, true));
  }

  private LocalDate runUntil(DelegateExecution review, LocalDate due) {
    review.setVariable("reviewDueOn", due.toString());
    review.setVariable("taskDueDate", caseClock.endOf(due));
    review.setVariable("taskFollowUpDate", caseClock.startOf(statutoryClock.followUp(due, followUpWorkingDays)));
    return due;
  }
}
