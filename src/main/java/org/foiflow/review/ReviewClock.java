package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_DUE_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED;
import static org.foiflow.review.ReviewVariable.REVIEW_LIMIT_ON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * The review's own clock: 20 working days from the day the request for review arrived (s.45 Code of
 * Practice, part 5), at most 40 when the review is complex (the Code's outer limit; for environmental
 * information the hard limit of EIR reg 11(4)); a Scottish review has 20 working days and no more (FOISA s.21(1),
 * EISR reg 16(4)). Its date is the due date of every review task in Tasklist.
 */
@Component
public class ReviewClock {

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;

  public ReviewClock(StatutoryClock statutoryClock, CaseClock caseClock) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
  }

  /**
   * Starts the clock at 20 working days. The limit is 40 where the review may be extended (UK), and the same 20
   * days for a Scottish statutory review, which may not (FOISA s.21(1); EISR reg 16(4)).
   */
  public LocalDate start(DelegateExecution review, LocalDate receivedOn, boolean extendable) {
    CaseFile.of(review).put(REVIEW_LIMIT_ON, statutoryClock.internalReviewDue(receivedOn, extendable).toString());
    CaseFile.of(review).put(REVIEW_EXTENDED, false);
    return runUntil(review, statutoryClock.internalReviewDue(receivedOn, false));
  }

  public LocalDate extend(DelegateExecution review, LocalDate receivedOn) {
    CaseFile.of(review).put(REVIEW_EXTENDED, true);
    return runUntil(review, statutoryClock.internalReviewDue(receivedOn, true));
  }

  private LocalDate runUntil(DelegateExecution review, LocalDate due) {
    CaseFile.of(review).put(REVIEW_DUE_ON, due.toString());
    caseClock.dateTasks(review, due);
    return due;
  }
}
