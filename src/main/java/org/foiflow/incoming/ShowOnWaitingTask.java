package org.foiflow.incoming;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.LATEST_CORRESPONDENCE_FROM;
import static org.foiflow.casefile.CaseVariable.LATEST_CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.LATEST_CORRESPONDENCE_SUBJECT;
import static org.foiflow.casefile.CaseVariable.LATEST_CORRESPONDENCE_TEXT;
import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CASE_WAITS_FOR;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_FROM;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_SUBJECT;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_TEXT;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * "Show the message on the waiting task": the case's answer fields take the message's day and text (the day a
 * clarification or fee arrived is the day the message did), so the waiting task opens filled in and the officer
 * records it with one choice; the message itself (from, subject, day, text) is shown above the choice.
 */
@Component("showOnWaitingTask")
public class ShowOnWaitingTask implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final OnBehalfOfUser onBehalfOfUser;

  public ShowOnWaitingTask(RuntimeService runtimeService, OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String receivedOn = file.date(CORRESPONDENCE_RECEIVED_ON).toString();
    Map<String, Object> shown = new HashMap<>();
    shown.put(LATEST_CORRESPONDENCE_FROM.key(), file.text(CORRESPONDENCE_FROM));
    shown.put(LATEST_CORRESPONDENCE_SUBJECT.key(), file.text(CORRESPONDENCE_SUBJECT));
    shown.put(LATEST_CORRESPONDENCE_RECEIVED_ON.key(), receivedOn);
    shown.put(LATEST_CORRESPONDENCE_TEXT.key(), file.text(CORRESPONDENCE_TEXT));
    if (IncomingCorrespondence.FEE.equals(file.text(CASE_WAITS_FOR))) {
      shown.put(FEE_RECEIVED_ON.key(), receivedOn);
    } else {
      shown.put(CLARIFICATION_RECEIVED_ON.key(), receivedOn);
      String text = file.text(CORRESPONDENCE_TEXT);
      shown.put(CLARIFIED_REQUEST.key(), text == null ? null : text.strip());
    }
    String reference = file.text(CASE_REFERENCE);
    onBehalfOfUser.act(() -> {
      ProcessInstance foiCase = runtimeService.createProcessInstanceQuery().processDefinitionKey(FoiRequest.PROCESS_KEY)
          .processInstanceBusinessKey(reference).active().list().stream().findFirst().orElse(null);
      if (foiCase != null) {
        runtimeService.setVariables(foiCase.getId(), shown);
      }
    });
  }
}
