package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.Map;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Regime;
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
    Regime regime = Regime.parse(file.text(CaseVariable.REGIME));
    if (StatutoryReview.applies(regime)) {
      // the task's check refuses it first; this holds should a model or an administrator route here anyway
      throw new InvalidRequestException(Map.of(ReviewVariable.REVIEW_DECISION.key(), StatutoryReview.noExtension(regime)));
    }
    records.extended(review.getProcessInstanceId(), reviewClock.extend(review, file.date(REVIEW_RECEIVED_ON)));
    file.put(REVIEW_EXTENDED_ON, caseClock.today().toString());
    letters.draftFileAndSend(review, ReviewLetters.Kind.EXTENSION);
  }
}
