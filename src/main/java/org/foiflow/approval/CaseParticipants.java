package org.foiflow.approval;

import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed the assessment, harm, qualified person and public interest tasks of a case
 * (in "assessedBy"), so the four-eyes rule can keep them from approving it.
 */
@Component("caseParticipants")
public class CaseParticipants implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = TaskActor.of(task);
    if (user == null) {
      return;
    }
    List<String> assessedBy = new ArrayList<>(CaseFile.codes(CaseFile.of(task).value(ASSESSED_BY)));
    if (!assessedBy.contains(user)) {
      assessedBy.add(user);
      CaseFile.of(task.getExecution().getProcessInstance()).put(ASSESSED_BY, assessedBy);
    }
  }
}
