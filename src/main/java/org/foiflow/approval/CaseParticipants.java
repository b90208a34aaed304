package org.foiflow.approval;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed the assessment, harm, qualified person and public interest tasks of a case
 * (in "assessedBy"), so the four-eyes rule can keep them from approving it.
 */
@Component("caseParticipants")
public class CaseParticipants implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = actingUser(task);
    if (user == null) {
      return;
    }
    List<String> assessedBy = new ArrayList<>(CaseFile.codes(task.getVariable("assessedBy")));
    if (!assessedBy.contains(user)) {
      assessedBy.add(user);
      task.getExecution().getProcessInstance().setVariable("assessedBy", assessedBy);
    }
  }

  /** The logged-in user acting on the task, or failing that the task's assignee. */
  static String actingUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
