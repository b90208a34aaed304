package org.foiflow.approval;

import static org.foiflow.casefile.CaseVariable.APPROVAL_DECISION;
import static org.foiflow.casefile.CaseVariable.APPROVED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.springframework.stereotype.Component;

/** Remembers who approved the response (approvedBy), so the four-eyes rule keeps them from clearing it too. */
@Component("caseApprover")
public class CaseApprover implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("APPROVE".equals(CaseFile.of(task).text(APPROVAL_DECISION))) {
      CaseFile.of(task.getExecution().getProcessInstance()).put(APPROVED_BY, TaskActor.of(task));
    }
  }
}
