package org.foiflow.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * What GET /api/requests/{reference}/review shows of the latest internal review: its facts, each there even when
 * not yet set, and once the review is completed its outcome.
 */
public record ReviewStatus(String reference, String reviewProcessInstanceId, String letters, String receivedOn,
                           String regime, Boolean reconsideration, Boolean lateRequest,
                           Number workingDaysSinceResponse, String dueOn, String limitOn, Boolean extended,
                           List<String> stage, @JsonUnwrapped Completed completed) {

  /** A completed review's outcome; revisedOutcome is empty when the decision was upheld. */
  public record Completed(String outcome, String revisedOutcome, String completedOn) {
  }

  /** From the review's variables (the process's names: reviewReceivedOn, reviewDueOn…). */
  static ReviewStatus of(String reference, String reviewId, Map<String, Object> values, List<String> stage) {
    String outcome = (String) values.get("reviewOutcome");
    String completedOn = (String) values.get("reviewCompletedOn");
    return new ReviewStatus(reference, reviewId, "/api/requests/" + reference + "/review/letters",
        (String) values.get("reviewReceivedOn"), (String) values.get("regime"),
        (Boolean) values.get("reconsideration"), (Boolean) values.get("lateRequest"),
        (Number) values.get("workingDaysSinceResponse"), (String) values.get("reviewDueOn"),
        (String) values.get("reviewLimitOn"), (Boolean) values.get("reviewExtended"), stage,
        outcome != null && completedOn != null
            ? new Completed(outcome, (String) values.get("revisedOutcome"), completedOn) : null);
  }
}
