package org.foiflow.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.casefile.Regime;

/**
 * What GET /api/requests/{reference}/review shows of the latest internal review: its facts, each there even when
 * not yet set, and once the review is completed its outcome.
 */
public record ReviewStatus(String reference, String reviewProcessInstanceId, String letters, String receivedOn,
                           String regime, Boolean reconsideration, Boolean lateRequest,
                           Number workingDaysSinceResponse, String dueOn, String limitOn, Boolean extended,
                           List<String> stage, @JsonUnwrapped Completed completed) {

  /**
   * A completed review's outcome; revisedOutcome is empty when the decision was upheld. A Scottish review (FOISA,
   * EISR) also says what it decided in the words of s.21(4), and the last day to apply to the Scottish Information
   * Commissioner (six months after the review response, s.47(4)(b)); both are absent for a UK review.
   */
  public record Completed(String outcome, String revisedOutcome, String completedOn,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String statutoryOutcome,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String applyToCommissionerBy) {
  }

  /** From the review's variables, by the review model's contract ({@link ReviewVariable}). */
  static ReviewStatus of(String reference, String reviewId, Map<String, Object> values, List<String> stage) {
    String outcome = text(values, ReviewVariable.REVIEW_OUTCOME);
    String completedOn = text(values, ReviewVariable.REVIEW_COMPLETED_ON);
    Regime regime = Regime.parse(text(values, CaseVariable.REGIME));
    boolean scottish = regime != null && regime.scottish();
    Completed completed = outcome == null || completedOn == null ? null
        : new Completed(outcome, text(values, ReviewVariable.REVISED_OUTCOME), completedOn,
            scottish ? InternalReview.statutoryOutcome(regime, outcome, values.get(CaseVariable.RESPONDED_ON.key()) != null)
                : null,
            scottish && !InternalReview.DECLINED_LATE.equals(outcome)
                ? StatutoryReview.applyToCommissionerBy(LocalDate.parse(completedOn)).toString() : null);
    return new ReviewStatus(reference, reviewId, "/api/requests/" + reference + "/review/letters",
        text(values, ReviewVariable.REVIEW_RECEIVED_ON), text(values, CaseVariable.REGIME),
        flag(values, ReviewVariable.RECONSIDERATION), flag(values, ReviewVariable.LATE_REQUEST),
        values.get(ReviewVariable.WORKING_DAYS_SINCE_RESPONSE.key()) instanceof Number days ? days : null,
        text(values, ReviewVariable.REVIEW_DUE_ON), text(values, ReviewVariable.REVIEW_LIMIT_ON),
        flag(values, ReviewVariable.REVIEW_EXTENDED), stage, completed);
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
