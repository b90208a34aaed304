package org.foiflow.disclosure;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.CaseFile;
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

  public DisclosureCandidates(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The foi-request hook: a closed case that released something is offered for publication. */
  public void caseClosed(DelegateExecution foiCase) {
    CaseFile file = CaseFile.of(foiCase);
    if (file.text("closedOn") != null && DisclosureLogEntry.RELEASED.contains(file.text("outcome"))) {
      offer(file.reference(), Variables.createVariables());
    }
  }

  /** Information released on internal review: the entry describes what the review released. */
  public void offerAfterReview(String reference, String revisedOutcome, String releasedInformation) {
    offer(reference, Variables.createVariables()
        .putValue("publishOutcome", revisedOutcome)
        .putValue("releasedInformation", releasedInformation));
  }

  /** Starts the approval of an entry unless one is waiting; returns the process instance, or null. */
  public ProcessInstance offer(String reference, VariableMap variables) {
    return asTheEngine(() -> {
      if (runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureLogEntry.PROCESS_KEY)
          .processInstanceBusinessKey(reference).active().count() > 0) {
        return null;
      }
      variables.putValue("caseReference", reference);
      return runtimeService.startProcessInstanceByKey(DisclosureLogEntry.PROCESS_KEY, reference, variables);
    });
  }

  /** Inside the engine the offer is the process's doing, not the acting approver's: no permission is needed. */
  private static <T> T asTheEngine(Callable<T> work) {
    try {
      return Context.getCommandContext() != null ? Context.getCommandContext().runWithoutAuthorization(work) : work.call();
    } catch (RuntimeException failed) {
      throw failed;
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    }
  }
}
