package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/** "Extend the review": to 40 working days from receipt, with a letter giving the reason and the new date. */
@Component("extendReview")
public class ExtendReview implements JavaDelegate {

  private final ReviewClock reviewClock;
  private final ReviewLetters letters;
  private final ReviewRecords records;
  private final CaseClock caseClock;

  public ExtendReview(ReviewClock reviewClock, ReviewLetters letters, ReviewRecords records, CaseClock caseClock) {
    this.reviewClock = reviewClock;
    this.letters = letters;
    this.records = records;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution review) {
    CaseFile file = CaseFile.of(review);
    records.extended(review.getProcessInstanceId(), reviewClock.extend(review, file.date(REVIEW_RECEIVED_ON)));
    file.put(REVIEW_EXTENDED_ON, caseClock.today().toString());
    letters.draftFileAndSend(review, ReviewLetters.Kind.EXTENSION);
  }
}
