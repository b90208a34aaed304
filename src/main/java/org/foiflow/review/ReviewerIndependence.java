package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.ORIGINAL_PARTICIPANTS;
import static org.foiflow.review.ReviewVariable.REFERENCE;
import static org.foiflow.review.ReviewVariable.REVIEWER;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.springframework.stereotype.Component;

/**
 * The reviewer must have taken no part in the original decision (s.45 Code of Practice, part 5; EIR reg 11).
 * Enforced by the engine as the four-eyes rule is: everyone who assessed, gave the s.36 opinion on or
 * approved the original case is refused the reviewer's tasks on every assignment and completion, although
 * their group may work reviews, whoever calls; a refusal rolls the whole command back.
 */
@Component("reviewerIndependence")
public class ReviewerIndependence implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      return; // reviews started on an earlier version of the model still call this on create, when it used to revoke
    }
    List<String> participants = CaseFile.codes(CaseFile.of(task).value(ORIGINAL_PARTICIPANTS));
    String user = TaskActor.of(task);
    if (user != null && participants.contains(user)) {
      throw new AuthorizationException("Reviewer independence: " + user + " took part in the original decision on "
          + CaseFile.of(task).value(REFERENCE) + " and cannot review it; a reviewer who took no part must.");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName()) && user != null && "ConductReview".equals(task.getTaskDefinitionKey())) {
      CaseFile.of(task.getExecution()).put(REVIEWER, user);
    }
  }
}
