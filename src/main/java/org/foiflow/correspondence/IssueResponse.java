package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_ID;
import static org.foiflow.casefile.CaseVariable.OUTCOME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;
import static org.foiflow.casefile.CaseVariable.RESPONSE_CHANNEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Issue response": sends the approved letter (email with PDF, or for post), records the date it went
 * and how, and closes the case with its outcome.
 */
@Component("issueResponse")
public class IssueResponse implements JavaDelegate {

  private final Correspondence correspondence;
  private final CaseClosure caseClosure;

  public IssueResponse(Correspondence correspondence, CaseClosure caseClosure) {
    this.correspondence = correspondence;
    this.caseClosure = caseClosure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String channel = correspondence.send(execution, file.text(DRAFT_LETTER_ID), "response to your request");
    file.put(RESPONSE_CHANNEL, channel);
    file.put(RESPONDED_ON, caseClosure.today());
    caseClosure.close(execution, file.text(OUTCOME));
  }
}
