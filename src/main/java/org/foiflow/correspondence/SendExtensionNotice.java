package org.foiflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/** "Send extension notice": s.17(2) / reg 7(3), the new date by which a decision is expected. */
@Component("sendExtensionNotice")
public class SendExtensionNotice implements JavaDelegate {

  private final LetterDrafter drafter;
  private final Correspondence correspondence;

  public SendExtensionNotice(LetterDrafter drafter, Correspondence correspondence) {
    this.drafter = drafter;
    this.correspondence = correspondence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = CaseLetters.file(execution, LetterType.PUBLIC_INTEREST_EXTENSION,
        drafter.draft(LetterType.PUBLIC_INTEREST_EXTENSION, CaseLetter.from(execution.getVariables())));
    correspondence.send(execution, id, LetterType.PUBLIC_INTEREST_EXTENSION.title());
  }
}
