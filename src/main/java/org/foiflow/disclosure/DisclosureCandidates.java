package org.foiflow.disclosure;

import static org.foiflow.casefile.CaseVariable.CLOSED_ON;
import static org.foiflow.casefile.CaseVariable.OUTCOME;
import static org.foiflow.disclosure.EntryVariable.CASE_REFERENCE;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_OUTCOME;
import static org.foiflow.disclosure.EntryVariable.RELEASED_INFORMATION;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseFile;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * Offers released information for the disclosure log: starts "disclosure-log-entry" for the case, so an officer
 * approves what is published. Called when an FOI case closes with something released (the hook
 * ${disclosureCandidates.caseClosed(execution)} on foi-request), when a review releases more, and from the API
 * or Tasklist for cases closed earlier. A case already waiting for approval is not offered twice.
 */
@Component("disclosureCandidates")
public class DisclosureCandidates {

  private final RuntimeService runtimeService;
  private final OnBehalfOfUser onBehalfOfUser;

  public DisclosureCandidates(RuntimeService runtimeService, OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  /** The foi-request hook: a closed case that released something is offered for publication. */
  public void caseClosed(DelegateExecution foiCase) {
    CaseFile file = CaseFile.of(foiCase);
    if (file.text(CLOSED_ON) != null && DisclosureLogEntry.RELEASED.contains(file.text(OUTCOME))) {
      offer(file.reference(), Variables.createVariables());
    }
  }

  /** Information released on internal review: the entry describes what the review released. */
  public void offerAfterReview(String reference, String revisedOutcome, String releasedInformation) {
    offer(reference, Variables.createVariables()
        .putValue(PUBLISH_OUTCOME.key(), revisedOutcome)
        .putValue(RELEASED_INFORMATION.key(), releasedInformation));
  }

  /**
   * Starts the approval of an entry unless one is waiting; returns the process instance, or null. Inside the
   * engine the offer is the process's doing; from the API, the endpoint's (officers may not start the process).
   */
  public ProcessInstance offer(String reference, VariableMap variables) {
    return onBehalfOfUser.act(() -> {
      if (runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureLogEntry.PROCESS_KEY)
          .processInstanceBusinessKey(reference).active().count() > 0) {
        return null;
      }
      variables.putValue(CASE_REFERENCE.key(), reference);
      return runtimeService.startProcessInstanceByKey(DisclosureLogEntry.PROCESS_KEY, reference, variables);
    });
  }
}
