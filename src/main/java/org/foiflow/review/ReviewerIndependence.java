package org.foiflow.review;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * The reviewer must have taken no part in the original decision (s.45 Code of Practice, part 5; EIR reg 11).
 * Enforced by the engine as the four-eyes rule is: when a reviewer's task is created, everyone who assessed,
 * gave the s.36 opinion on or approved the original case gets a REVOKE authorization on it, so the engine
 * hides it from them and refuses their claim or completion although their group may work reviews. Assignment and completion are
 * checked too, for callers acting without a login; a refusal rolls the whole command back.
 */
@Component("reviewerIndependence")
public class ReviewerIndependence implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> participants = CaseFile.codes(task.getVariable("originalParticipants"));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      revoke(task, participants);
      return;
    }
    String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : actingUser(task);
    if (user != null && participants.contains(user)) {
      throw new AuthorizationException("Reviewer independence: " + user + " took part in the original decision on "
          + task.getVariable("reference") + " and cannot review it; a reviewer who took no part must.");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName()) && user != null && "ConductReview".equals(task.getTaskDefinitionKey())) {
      task.getExecution().setVariable("reviewer", user);
    }
  }

  static String actingUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }

  private static void revoke(DelegateTask task, List<String> participants) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    // the rule is the engine's, not the acting officer's: it is set without the officer's permissions
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String participant : participants) {
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(participant);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task.getId());
        // every permission revoked, as for four eyes: a revoke that left READ set would show them the review
        revoke.removePermission(Permissions.ALL);
        authorizations.saveAuthorization(revoke);
      }
      return null;
    });
  }
}
