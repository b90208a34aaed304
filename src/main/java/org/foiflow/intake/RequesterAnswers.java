package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_REQUESTED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.FEE_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.clock.CaseClock;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requester's answers that restart a stopped clock, recorded by an officer:
 * POST /api/requests/{reference}/clarification (s.1(3): the clarified request starts 20 new working days) and
 * POST /api/requests/{reference}/fee (s.10(2): the days between the fees notice and payment are not counted).
 * Each is accepted only while the case waits for it, with a date between the request to the requester and today.
 */
@RestController
public class RequesterAnswers {

  public record Clarification(LocalDate receivedOn,
                              @NotBlank(message = "the requester's clarified request is required")
                              @Size(max = 20000, message = "at most 20000 characters") String clarifiedRequest) {
  }

  public record Fee(LocalDate receivedOn) {
  }

  private static final String CLARIFICATION = "ClarificationReceived";
  private static final String FEE = "FeeReceived";

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;
  private final OnBehalfOfUser onBehalfOfUser;

  public RequesterAnswers(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock,
                          OnBehalfOfUser onBehalfOfUser) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @PostMapping("/api/requests/{reference}/clarification")
  public RequestStatus clarified(@PathVariable String reference, @Valid @RequestBody Clarification body) {
    LocalDate receivedOn = answerDate(reference, CLARIFICATION, CLARIFICATION_REQUESTED_ON, body.receivedOn(),
        "the case is not waiting for a clarification");
    return record(reference, runtimeService.createMessageCorrelation(CLARIFICATION)
        .setVariable(CLARIFICATION_RECEIVED_ON.key(), receivedOn.toString())
        .setVariable(CLARIFIED_REQUEST.key(), body.clarifiedRequest().strip()));
  }

  @PostMapping("/api/requests/{reference}/fee")
  public RequestStatus feePaid(@PathVariable String reference, @Valid @RequestBody(required = false) Fee body) {
    LocalDate receivedOn = answerDate(reference, FEE, FEES_NOTICE_GIVEN_ON, body == null ? null : body.receivedOn(),
        "the case is not waiting for a fee");
    return record(reference, runtimeService.createMessageCorrelation(FEE)
        .setVariable(FEE_RECEIVED_ON.key(), receivedOn.toString()));
  }

  /** The date the answer arrived: today when not given; never before we asked, never in the future. */
  private LocalDate answerDate(String reference, String message, CaseVariable askedOn, LocalDate given,
                               String notWaiting) {
    RequestStatus status = statusQuery.byReference(reference).orElseThrow(() -> new UnknownCaseException(reference));
    String waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(reference)
        .messageEventSubscriptionName(message).list().stream()
        .findFirst().map(execution -> execution.getProcessInstanceId()).orElse(null);
    if (waiting == null) {
      throw new InvalidRequestException(Map.of("reference", notWaiting + " (stage: " + status.stage() + ")"));
    }
    Object askedOnDay = runtimeService.getVariable(waiting, askedOn.key());
    LocalDate today = caseClock.today();
    LocalDate receivedOn = given != null ? given : today;
    if (receivedOn.isAfter(today)) {
      throw new InvalidRequestException(Map.of("receivedOn", "may not be in the future (today is " + today + ")"));
    }
    if (askedOnDay != null && receivedOn.isBefore(LocalDate.parse(askedOnDay.toString()))) {
      throw new InvalidRequestException(Map.of("receivedOn", "may not be before we wrote to the requester on " + askedOnDay));
    }
    return receivedOn;
  }

  private RequestStatus record(String reference, MessageCorrelationBuilder correlation) {
    onBehalfOfUser.act(() -> correlation.processInstanceBusinessKey(reference).correlate());
    return statusQuery.byReference(reference).orElseThrow();
  }
}
