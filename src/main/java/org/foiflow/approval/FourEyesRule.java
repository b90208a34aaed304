package org.foiflow.approval;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced by the engine and not only by the form. When the approval task is created, every
 * user who assessed exemptions, harm or the public interest on the case gets a REVOKE authorization on it,
 * so the engine itself hides the task from them and refuses their claim or completion (403 through the REST API, an error in
 * Tasklist) even though their group may work it. The listener also checks on assignment and completion,
 * for callers that act without a login (e.g. the Java API), and the refusal rolls the command back.
 */
@Component("fourEyesRule")
public class FourEyesRule implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> assessedBy = CaseFile.codes(task.getVariable("assessedBy"));
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      revokeApprovalFrom(task, assessedBy);
      return;
    }
    String user = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        ? task.getAssignee()
        : CaseParticipants.actingUser(task);
    if (user != null && assessedBy.contains(user)) {
      throw new ProcessEngineException(refusal(task, user));
    }
  }

  static String refusal(DelegateTask task, String user) {
    return "Four-eyes rule: " + user + " took part in the assessment of " + task.getVariable("reference")
        + " and cannot approve its response; another approver must.";
  }

  private static void revokeApprovalFrom(DelegateTask task, List<String> assessors) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    // The engine, not the acting officer, sets this rule, so it runs without the officer's permissions.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String assessor : assessors) {
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(assessor);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task.getId());
        // every permission revoked: a user-level revoke that left READ set would itself make the task visible
        revoke.removePermission(Permissions.ALL);
        authorizations.saveAuthorization(revoke);
      }
      return null;
    });
  }
}
