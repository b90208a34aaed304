package org.foiflow.approval;

import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;
import static org.foiflow.casefile.CaseVariable.REFERENCE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced by the engine and not only by the form: nobody who assessed exemptions, harm or the
 * public interest on a case may claim, be given or complete its approval, although their group may work
 * approvals. The check runs inside the engine's command on every assignment and completion, whoever calls
 * (Tasklist, the REST API with 403, the Java API), and the refusal rolls the whole command back.
 * The approval stays listed for every approver: hiding it from some of them would need per-user REVOKE
 * authorizations, which make every task list query of those users check each task row by row.
 */
@Component("fourEyesRule")
public class FourEyesRule implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return; // cases started on an earlier version of the model still call this on create, when it used to revoke
    }
    List<String> assessedBy = CaseFile.codes(CaseFile.of(task).value(ASSESSED_BY));
    String user = TaskActor.of(task);
    if (user != null && assessedBy.contains(user)) {
      throw new AuthorizationException(refusal(task, user));
    }
  }

  static String refusal(DelegateTask task, String user) {
    return "Four-eyes rule: " + user + " took part in the assessment of " + CaseFile.of(task).value(REFERENCE)
        + " and cannot approve its response; another approver must.";
  }
}
