package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_DRAFTED;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_ID;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/** On completing "Check the review letter": an edited text becomes the letter (its HTML drafted again). */
@Component("reviseReviewLetter")
public class ReviseReviewLetter implements TaskListener {

  private final ReviewLetters letters;

  public ReviseReviewLetter(ReviewLetters letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution review = task.getExecution();
    CaseFile file = CaseFile.of(review);
    String text = file.text(REVIEW_LETTER_TEXT);
    if (text != null && !text.strip().equals(String.valueOf(file.text(REVIEW_LETTER_DRAFTED)).strip())) {
      file.put(REVIEW_LETTER_ID, letters.file(review, ReviewLetters.Kind.OUTCOME,
          letters.fromEditedText(review, text)));
    }
  }
}
