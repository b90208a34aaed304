package org.foiflow.review;

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
    review.setVariable("reviewLetterId", letters.file(review, ReviewLetters.Kind.OUTCOME, letter));
    CaseFile.of(review).putLongText("reviewLetterText", letter.text());
    CaseFile.of(review).putLongText("reviewLetterDrafted", letter.text());
  }
}
