package org.foiflow.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What GET /api/requests/{reference} shows of a case. A paused clock's reason, an extension and the outcome
 * appear only when there is one; respondedOn comes with the outcome, empty for a case closed without a response
 * (lapsed). post lists the case's letters that go by post, each posted or waiting to be ("Response letter: posted
 * on 3 December 2026"), so a closed case with a letter still to post does not read as done.
 */
@JsonPropertyOrder({"reference", "processInstanceId", "stage", "receivedOn", "dueOn", "workingDaysRemaining", "clock",
    "clockPausedReason", "regime", "subject", "extension", "outcome", "respondedOn", "post"})
public record RequestStatus(String reference, String processInstanceId, List<String> stage, String receivedOn,
                            String dueOn, Integer workingDaysRemaining, String clock,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String clockPausedReason,
                            String regime, String subject,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String outcome,
                            @JsonIgnore String respondedOn,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> extension,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> post) {

  public RequestStatus(String reference, String processInstanceId, List<String> stage, String receivedOn, String dueOn,
                       Integer workingDaysRemaining, String clock, String clockPausedReason, String regime,
                       String subject, String outcome, String respondedOn, Map<String, String> extension) {
    this(reference, processInstanceId, stage, receivedOn, dueOn, workingDaysRemaining, clock, clockPausedReason,
        regime, subject, outcome, respondedOn, extension, List.of());
  }

  /** respondedOn as the API shows it: absent while there is no outcome, null when closed without a response. */
  @JsonProperty("respondedOn")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  Optional<String> respondedOnWithOutcome() {
    return outcome == null ? null : Optional.ofNullable(respondedOn);
  }
}
