package org.foiflow.correspondence;

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
    String channel = correspondence.send(execution, file.text("draftLetterId"), "response to your request");
    execution.setVariable("responseChannel", channel);
    execution.setVariable("respondedOn", caseClosure.today());
    caseClosure.close(execution, file.text("outcome"));
  }
}
