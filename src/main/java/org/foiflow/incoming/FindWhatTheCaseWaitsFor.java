package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CASE_WAITS_FOR;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.intake.RequesterAnswerRules;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * "Find what the case waits for": CLARIFICATION or FEE while the case's "Awaiting clarification" or "Awaiting fee"
 * task is open, NOTHING otherwise (a closed case too). Read as the process, whoever's action led here.
 */
@Component("findWhatTheCaseWaitsFor")
public class FindWhatTheCaseWaitsFor implements JavaDelegate {

  private final TaskService taskService;
  private final OnBehalfOfUser onBehalfOfUser;

  public FindWhatTheCaseWaitsFor(TaskService taskService, OnBehalfOfUser onBehalfOfUser) {
    this.taskService = taskService;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String reference = file.text(CASE_REFERENCE);
    List<Task> waiting = onBehalfOfUser.act(() -> taskService.createTaskQuery()
        .processDefinitionKey(FoiRequest.PROCESS_KEY).processInstanceBusinessKey(reference)
        .taskDefinitionKeyIn(RequesterAnswerRules.AWAITING_CLARIFICATION, RequesterAnswerRules.AWAITING_FEE).list());
    String waitsFor = IncomingCorrespondence.NOTHING;
    if (!waiting.isEmpty()) {
      waitsFor = RequesterAnswerRules.AWAITING_FEE.equals(waiting.get(0).getTaskDefinitionKey())
          ? IncomingCorrespondence.FEE : IncomingCorrespondence.CLARIFICATION;
    }
    file.put(CASE_WAITS_FOR, waitsFor);
  }
}
