package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_COMPLETED_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/** "Send the late-request reply": the team declined a late request; the requester is told why and what next. */
@Component("declineLateReview")
public class DeclineLateReview implements JavaDelegate {

  private final ReviewLetters letters;
  private final ReviewRecords records;
  private final CaseClock caseClock;

  public DeclineLateReview(ReviewLetters letters, ReviewRecords records, CaseClock caseClock) {
    this.letters = letters;
    this.records = records;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution review) {
    CaseFile.of(review).put(REVIEW_OUTCOME, InternalReview.DECLINED_LATE);
    letters.draftFileAndSend(review, ReviewLetters.Kind.LATE_DECLINED);
    CaseFile.of(review).put(REVIEW_COMPLETED_ON, caseClock.today().toString());
    records.completed(review.getProcessInstanceId(), false, InternalReview.DECLINED_LATE, null, caseClock.today());
  }
}
