package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CHANNEL;
import static org.foiflow.casefile.CaseVariable.LANGUAGE;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Logs a request: the one way a case starts from Java, whoever logs it (the intake API, the public request form, an officer
 * sorting an email from the holding pen), so every route meets the same {@link RequestRules} and writes the same case variables.
 */
@Component
public class NewRequests {

  private final RuntimeService runtimeService;
  private final CaseClock caseClock;
  private final Jurisdiction jurisdiction;

  public NewRequests(RuntimeService runtimeService, CaseClock caseClock, Jurisdiction jurisdiction) {
    this.runtimeService = runtimeService;
    this.caseClock = caseClock;
    this.jurisdiction = jurisdiction;
  }

  /** Starts the case of {@code submitted}, with {@code more} case variables (e.g. the email it came in). */
  public ProcessInstance log(NewRequest submitted, Map<? extends ProcessVariable, Object> more) {
    NewRequest body = submitted.normalised();
    // Cross-field and London-date rules first: nothing is started unless the whole request is loggable.
    RequestRules.check(body.requester().name(), body.requester().email(), body.requester().postalAddress(),
        body.request(), body.receivedOn(), caseClock.today());
    RequestRules.checkLaw(jurisdiction, body.regime() == null ? null : body.regime().name(),
        body.language());

    VariableMap variables = Variables.createVariables()
        .putValue(REQUESTER_NAME.key(), body.requester().name().strip())
        .putValue(REQUESTER_EMAIL.key(), blankToNull(body.requester().email()))
        .putValue(REQUESTER_ADDRESS.key(), blankToNull(body.requester().postalAddress()))
        .putValue(RECEIVED_ON.key(), Optional.ofNullable(body.receivedOn()).orElse(caseClock.today()).toString())
        .putValue(CHANNEL.key(), Optional.ofNullable(body.channel())
            .orElse(body.requester().email() != null ? NewRequest.Channel.EMAIL : NewRequest.Channel.POST).name())
        .putValue(REGIME.key(), Optional.ofNullable(body.regime()).orElse(jurisdiction.defaultRegime()).name())
        .putValue(LANGUAGE.key(), Language.of(body.language()).code())
        .putValue(SUBJECT.key(), Optional.ofNullable(blankToNull(body.subject())).orElse(summary(body.request())))
        .putValue(REQUEST_TEXT.key(), body.request());
    more.forEach((variable, value) -> variables.putValue(variable.key(), value));
    return runtimeService.startProcessInstanceByKey(FoiRequest.PROCESS_KEY, variables);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String summary(String request) {
    String firstLine = request.strip().lines().findFirst().orElse("");
    return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 77) + "...";
  }
}
