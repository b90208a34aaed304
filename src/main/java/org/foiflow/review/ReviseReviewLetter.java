package org.foiflow.review;

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
    String text = file.text("reviewLetterText");
    if (text != null && !text.strip().equals(String.valueOf(file.text("reviewLetterDrafted")).strip())) {
      review.setVariable("reviewLetterId", letters.file(review, ReviewLetters.Kind.OUTCOME,
          letters.fromEditedText(review, text)));
    }
  }
}
