package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_DRAFTED;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_ID;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.drafting.DraftedLetter;
import org.springframework.stereotype.Component;

/** "Draft the review letter": the outcome letter, filed with the review; the reviewer checks its text next. */
@Component("draftReviewLetter")
public class DraftReviewLetter implements JavaDelegate {

  private final ReviewLetters letters;

  public DraftReviewLetter(ReviewLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution review) {
    DraftedLetter letter = letters.draft(review, ReviewLetters.Kind.OUTCOME);
    CaseFile.of(review).put(REVIEW_LETTER_ID, letters.file(review, ReviewLetters.Kind.OUTCOME, letter));
    CaseFile.of(review).putLongText(REVIEW_LETTER_TEXT, letter.text());
    CaseFile.of(review).putLongText(REVIEW_LETTER_DRAFTED, letter.text());
  }
}
