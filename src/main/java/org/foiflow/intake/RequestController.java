package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CHANNEL;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.clock.CaseClock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake API: log a request (it starts a case) and look a case up by its reference. */
@RestController
@RequestMapping("/api/requests")
public class RequestController {

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;

  public RequestController(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
  }

  @PostMapping
  public ResponseEntity<RequestStatus> log(@Valid @RequestBody NewRequest submitted) {
    NewRequest body = submitted.normalised();
    // Cross-field and London-date rules first: nothing is started unless the whole request is loggable.
    RequestRules.check(body.requester().name(), body.requester().email(), body.requester().postalAddress(),
        body.request(), body.receivedOn(), caseClock.today());

    VariableMap variables = Variables.createVariables()
        .putValue(REQUESTER_NAME.key(), body.requester().name().strip())
        .putValue(REQUESTER_EMAIL.key(), blankToNull(body.requester().email()))
        .putValue(REQUESTER_ADDRESS.key(), blankToNull(body.requester().postalAddress()))
        .putValue(RECEIVED_ON.key(), Optional.ofNullable(body.receivedOn()).orElse(caseClock.today()).toString())
        .putValue(CHANNEL.key(), Optional.ofNullable(body.channel())
            .orElse(body.requester().email() != null ? NewRequest.Channel.EMAIL : NewRequest.Channel.POST).name())
        .putValue(REGIME.key(), Optional.ofNullable(body.regime()).orElse(NewRequest.Regime.FOIA).name())
        .putValue(SUBJECT.key(), Optional.ofNullable(blankToNull(body.subject())).orElse(summary(body.request())))
        .putValue(REQUEST_TEXT.key(), body.request());

    ProcessInstance started = runtimeService.startProcessInstanceByKey(FoiRequest.PROCESS_KEY, variables);
    RequestStatus status = statusQuery.byProcessInstance(started.getId());
    return ResponseEntity.created(URI.create("/api/requests/" + status.reference())).body(status);
  }

  @GetMapping("/{reference}")
  public ResponseEntity<RequestStatus> show(@PathVariable String reference) {
    return statusQuery.byReference(reference)
        .map(ResponseEntity::ok)
        .orElseThrow(() -> new UnknownCaseException(reference));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String summary(String request) {
    String firstLine = request.strip().lines().findFirst().orElse("");
    return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77) + "...";
  }
}
