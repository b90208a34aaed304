package org.foiflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/** "Send acknowledgement": the reference, the date received and the date the response is due. */
@Component("sendAcknowledgement")
public class SendAcknowledgement implements JavaDelegate {

  private final LetterDrafter drafter;
  private final Correspondence correspondence;

  public SendAcknowledgement(LetterDrafter drafter, Correspondence correspondence) {
    this.drafter = drafter;
    this.correspondence = correspondence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = CaseLetters.file(execution, LetterType.ACKNOWLEDGEMENT,
        drafter.draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(execution.getVariables())));
    correspondence.send(execution, id, "your request for information");
  }
}
