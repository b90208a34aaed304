package org.foiflow.approval;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced by the engine and not only by the form: a user who assessed exemptions, harm or the
 * public interest on a case can neither claim nor complete its approval. The refusal rolls back the whole
 * command, so the task stays where it was.
 */
@Component("fourEyesRule")
public class FourEyesRule implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        ? task.getAssignee()
        : CaseParticipants.actingUser(task);
    List<String> assessedBy = CaseFile.codes(task.getVariable("assessedBy"));
    if (user != null && assessedBy.contains(user)) {
      throw new AuthorizationException("Four-eyes rule: " + user + " took part in the assessment of "
          + task.getVariable("reference") + " and cannot approve its response; another approver must.");
    }
  }
}
