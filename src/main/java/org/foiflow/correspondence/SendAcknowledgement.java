package org.foiflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/** "Send acknowledgement": the reference, the date received and the date the response is due. */
@Component("sendAcknowledgement")
public class SendAcknowledgement implements JavaDelegate {

  private final Correspondence correspondence;

  public SendAcknowledgement(Correspondence correspondence) {
    this.correspondence = correspondence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correspondence.draftAndSend(execution, LetterType.ACKNOWLEDGEMENT);
  }
}
