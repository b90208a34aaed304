package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.REVIEW_GROUNDS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.review.ReviewRequests;
import org.springframework.stereotype.Component;

/**
 * "Start the internal review": as POST /api/requests/{reference}/review does (review's {@link ReviewRequests}),
 * received on the day the message arrived, the grounds as the officer confirmed them.
 */
@Component("startInternalReview")
public class StartInternalReview implements JavaDelegate {

  private final ReviewRequests reviewRequests;

  public StartInternalReview(ReviewRequests reviewRequests) {
    this.reviewRequests = reviewRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    reviewRequests.ask(file.text(CASE_REFERENCE), file.date(CORRESPONDENCE_RECEIVED_ON), file.text(REVIEW_GROUNDS));
  }
}
