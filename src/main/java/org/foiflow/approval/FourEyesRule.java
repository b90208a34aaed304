package org.foiflow.approval;

import static org.foiflow.casefile.CaseVariable.APPROVED_BY;
import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;
import static org.foiflow.casefile.CaseVariable.REFERENCE;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.foiflow.clearance.ClearanceStage;
import org.foiflow.clearance.Clearances;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced by the engine and not only by the form: nobody who assessed exemptions, harm or the
 * public interest on a case may claim, be given or complete its approval, although their group may work
 * approvals; nobody who assessed or approved it may clear it (press office or senior clearance); and the senior
 * clearer may not be the one who cleared it for the press office in the same round. The check runs inside the
 * engine's command on every assignment and completion, whoever calls (Tasklist, the REST API with 403, the Java
 * API), and the refusal rolls the whole command back.
 * The task stays listed for every member of its group: hiding it from some of them would need per-user REVOKE
 * authorizations, which make every task list query of those users check each task row by row.
 */
@Component("fourEyesRule")
public class FourEyesRule implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return; // cases started on an earlier version of the model still call this on create, when it used to revoke
    }
    String user = TaskActor.of(task);
    if (user == null) {
      return;
    }
    Optional<ClearanceStage> clearance = ClearanceStage.ofTask(task.getTaskDefinitionKey());
    String refusal = clearance.isPresent() ? clearanceRefusal(task, user, clearance.get()) : approvalRefusal(task, user);
    if (refusal != null) {
      throw new AuthorizationException(refusal);
    }
  }

  private static String approvalRefusal(DelegateTask task, String user) {
    return assessed(task, user) ? "Four-eyes rule: " + user + " took part in the assessment of " + reference(task)
        + " and cannot approve its response; another approver must." : null;
  }

  private static String clearanceRefusal(DelegateTask task, String user, ClearanceStage stage) {
    String others = "; another member of " + stage.group() + " must clear it.";
    if (assessed(task, user)) {
      return "Four-eyes rule: " + user + " took part in the assessment of " + reference(task)
          + " and cannot clear its response" + others;
    }
    if (user.equals(CaseFile.of(task).text(APPROVED_BY))) {
      return "Four-eyes rule: " + user + " approved the response of " + reference(task) + " and cannot clear it"
          + others;
    }
    if (stage == ClearanceStage.SENIOR
        && Clearances.pressOfficeClearerOfThisRound(CaseFile.of(task)).filter(user::equals).isPresent()) {
      return "Four-eyes rule: " + user + " cleared the response of " + reference(task)
          + " for the press office and cannot give it senior clearance too" + others;
    }
    return null;
  }

  private static boolean assessed(DelegateTask task, String user) {
    List<String> assessedBy = CaseFile.codes(CaseFile.of(task).value(ASSESSED_BY));
    return assessedBy.contains(user);
  }

  private static Object reference(DelegateTask task) {
    return CaseFile.of(task).value(REFERENCE);
  }
}
