package org.foiflow.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures a Scottish public authority sends the Scottish Information Commissioner each quarter, once for
 * requests under FOISA and once under the EISR. Requests are counted by the day they were received; responses,
 * their timeliness, outcomes and the exemptions (EISR: exceptions) applied by the day the response was sent;
 * reviews by the day the requirement for review was received (their outcomes by the day the review was answered);
 * applications to the Commissioner by the day the Commissioner notified us. No personal data.
 */
public record CommissionerReturn(String financialYear, int quarter, LocalDate from, LocalDate to, Figures foisa,
                                 Figures eisr) {

  /**
   * One regime's figures. {@code respondedWithinTimeLimit}: the response went by the case's due date (20 working days
   * after receipt, moved by clarification or a fee as the Act says, or the EISR reg 7 extension).
   */
  public record Figures(String regime, long received, long respondedTo, long respondedWithinTimeLimit,
                        Map<String, Long> outcomes, List<Statistics.Cited> exemptionsApplied, Reviews reviews,
                        long applicationsToCommissioner) {
  }

  /**
   * Requirements for review received and the outcomes of reviews answered, in the words of s.21(4): confirmed
   * without or with modifications, a different decision substituted, a decision reached where none had been made;
   * and late requirements the authority did not accept.
   */
  public record Reviews(long received, Map<String, Long> outcomes) {
  }

  /** The outcomes reported, in the order of the Commissioner's return. */
  public static final List<String> OUTCOMES = List.of("fullyDisclosed", "partiallyDisclosed", "withheldInFull",
      "notHeld", "rejectedVexatiousOrRepeated", "rejectedExcessiveCost", "feeNotPaid", "withdrawnOrLapsed", "other");

  public static final List<String> REVIEW_OUTCOMES = List.of("confirmedWithoutModification",
      "confirmedWithModifications", "differentDecisionSubstituted", "decisionReachedWhereNoneMade", "notAcceptedAsLate");
}
