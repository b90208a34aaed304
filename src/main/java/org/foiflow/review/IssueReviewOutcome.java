package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.RELEASED_INFORMATION;
import static org.foiflow.review.ReviewVariable.REVIEW_COMPLETED_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_CHANNEL;
import static org.foiflow.review.ReviewVariable.REVIEW_LETTER_ID;
import static org.foiflow.review.ReviewVariable.REVIEW_OUTCOME;
import static org.foiflow.review.ReviewVariable.REVISED_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.disclosure.DisclosureCandidates;
import org.springframework.stereotype.Component;

/**
 * "Send the review outcome": the checked letter goes (email with PDF, or for post), the review is recorded as
 * complete; information released on review is offered for the disclosure log like any other release.
 */
@Component("issueReviewOutcome")
public class IssueReviewOutcome implements JavaDelegate {

  private final ReviewLetters letters;
  private final ReviewRecords records;
  private final CaseClock caseClock;
  private final DisclosureCandidates disclosureCandidates;

  public IssueReviewOutcome(ReviewLetters letters, ReviewRecords records, CaseClock caseClock,
                            DisclosureCandidates disclosureCandidates) {
    this.letters = letters;
    this.records = records;
    this.caseClock = caseClock;
    this.disclosureCandidates = disclosureCandidates;
  }

  @Override
  public void execute(DelegateExecution review) {
    CaseFile file = CaseFile.of(review);
    file.put(REVIEW_LETTER_CHANNEL, letters.send(review, file.text(REVIEW_LETTER_ID), ReviewLetters.Kind.OUTCOME));
    file.put(REVIEW_COMPLETED_ON, caseClock.today().toString());
    String outcome = file.text(REVIEW_OUTCOME);
    boolean released = !InternalReview.UPHELD.equals(outcome);
    records.completed(review.getProcessInstanceId(), true, outcome, released ? file.text(REVISED_OUTCOME) : null,
        caseClock.today());
    if (released) {
      disclosureCandidates.offerAfterReview(file.reference(), file.text(REVISED_OUTCOME), file.text(RELEASED_INFORMATION));
    }
  }
}
