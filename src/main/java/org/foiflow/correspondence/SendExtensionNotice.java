package org.foiflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/** "Send extension notice": s.17(2) / reg 7(3), the new date by which a decision is expected. */
@Component("sendExtensionNotice")
public class SendExtensionNotice implements JavaDelegate {

  private final Correspondence correspondence;

  public SendExtensionNotice(Correspondence correspondence) {
    this.correspondence = correspondence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correspondence.draftAndSend(execution, LetterType.PUBLIC_INTEREST_EXTENSION);
  }
}
