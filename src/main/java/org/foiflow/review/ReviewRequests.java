package org.foiflow.review;

import static org.foiflow.review.ReviewVariable.CASE_REFERENCE;
import static org.foiflow.review.ReviewVariable.REVIEW_GROUNDS;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.clock.CaseClock;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * A requester asks for an internal review (EIR: reconsideration) of a case: the one way a review starts from Java,
 * whether an officer logs it through the API or files the requester's email as one, so both meet the same rules.
 */
@Component
public class ReviewRequests {

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public ReviewRequests(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock,
                        OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  /** Why a review of the case cannot be asked for now, in words; null when it can. */
  public String refusal(String reference) {
    RequestStatus status = statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    if (status.outcome() == null) {
      return reference + " is still open: a review looks at the response once it has been sent";
    }
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(InternalReview.PROCESS_KEY)
        .processInstanceBusinessKey(reference).active().count() > 0) {
      return "a review of " + reference + " is already under way";
    }
    return null;
  }

  /** Starts the review, received on {@code receivedOn} (today when null); 409 when {@link #refusal} says why not. */
  public ProcessInstance ask(String reference, LocalDate receivedOn, String grounds) {
    String refusal = refusal(reference);
    if (refusal != null) {
      throw new CaseConflictException(refusal);
    }
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REFERENCE.key(), reference)
        .putValue(REVIEW_RECEIVED_ON.key(), (receivedOn != null ? receivedOn : caseClock.today()).toString())
        // JSON text: the grounds may be longer than a String variable holds
        .putValueTyped(REVIEW_GROUNDS.key(), SpinValues.jsonValue(TextNode.valueOf(grounds.strip()).toString()).create());
    return onBehalfOfUser.act(() -> runtimeService.startProcessInstanceByKey(InternalReview.PROCESS_KEY, variables));
  }
}
