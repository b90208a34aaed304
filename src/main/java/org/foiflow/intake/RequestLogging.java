package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CHANNEL;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Logs a request: the one way a case is started from outside the engine (the intake API, the public request form),
 * so every route applies the same rules ({@link RequestRules}) and writes the same variables. Throws
 * {@link org.foiflow.casefile.InvalidRequestException} before anything is started, and
 * {@link org.foiflow.casefile.DuplicateRequestException} when the same request is already a case.
 */
@Component
public class RequestLogging {

  private final RuntimeService runtimeService;
  private final RequestStatusQuery statusQuery;
  private final CaseClock caseClock;

  public RequestLogging(RuntimeService runtimeService, RequestStatusQuery statusQuery, CaseClock caseClock) {
    this.runtimeService = runtimeService;
    this.statusQuery = statusQuery;
    this.caseClock = caseClock;
  }

  public RequestStatus log(NewRequest submitted) {
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
    return statusQuery.byProcessInstance(started.getId());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String summary(String request) {
    String firstLine = request.strip().lines().findFirst().orElse("");
    return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77) + "...";
  }
}
