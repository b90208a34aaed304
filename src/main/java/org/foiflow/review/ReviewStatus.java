package org.foiflow.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ProcessVariable;

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

  /** From the review's variables, by the review model's contract ({@link ReviewVariable}). */
  static ReviewStatus of(String reference, String reviewId, Map<String, Object> values, List<String> stage) {
    String outcome = text(values, ReviewVariable.REVIEW_OUTCOME);
    String completedOn = text(values, ReviewVariable.REVIEW_COMPLETED_ON);
    return new ReviewStatus(reference, reviewId, "/api/requests/" + reference + "/review/letters",
        text(values, ReviewVariable.REVIEW_RECEIVED_ON), text(values, CaseVariable.REGIME),
        flag(values, ReviewVariable.RECONSIDERATION), flag(values, ReviewVariable.LATE_REQUEST),
        values.get(ReviewVariable.WORKING_DAYS_SINCE_RESPONSE.key()) instanceof Number days ? days : null,
        text(values, ReviewVariable.REVIEW_DUE_ON), text(values, ReviewVariable.REVIEW_LIMIT_ON),
        flag(values, ReviewVariable.REVIEW_EXTENDED), stage,
        outcome != null && completedOn != null
            ? new Completed(outcome, text(values, ReviewVariable.REVISED_OUTCOME), completedOn) : null);
  }

  // a value of another type (set by an administrator through the engine API) shows as its text, never fails the answer
  private static String text(Map<String, Object> values, ProcessVariable variable) {
    Object value = values.get(variable.key());
    return value == null ? null : value.toString();
  }

  private static Boolean flag(Map<String, Object> values, ProcessVariable variable) {
    Object value = values.get(variable.key());
    return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
  }
}
