package org.foiflow.review;

import java.util.Map;
import org.foiflow.casefile.Regime;

/** The vocabulary of bpmn/internal-review.bpmn: its key, the reviewer's decisions and the outcomes recorded. */
public final class InternalReview {

  public static final String PROCESS_KEY = "internal-review";

  /**
   * s.45 Code of Practice (part 5) and EIR reg 11(2): a review is asked for within 40 working days. In Scotland the
   * same 40 working days are the law (FOISA s.20(5); EISR reg 16(2)), though the authority may still accept a later
   * requirement for review.
   */
  public static final int ASK_WITHIN_WORKING_DAYS = 40;

  public static final String UPHOLD = "UPHOLD";
  public static final String OVERTURN_IN_PART = "OVERTURN_IN_PART";
  public static final String OVERTURN_IN_FULL = "OVERTURN_IN_FULL";
  public static final String EXTEND = "EXTEND";

  public static final String UPHELD = "UPHELD";
  public static final String OVERTURNED_IN_PART = "OVERTURNED_IN_PART";
  public static final String OVERTURNED_IN_FULL = "OVERTURNED_IN_FULL";
  /** A late request the team decided not to review. */
  public static final String DECLINED_LATE = "DECLINED_LATE";

  static final Map<String, String> OUTCOME_OF_DECISION = Map.of(
      UPHOLD, UPHELD, OVERTURN_IN_PART, OVERTURNED_IN_PART, OVERTURN_IN_FULL, OVERTURNED_IN_FULL);

  /**
   * What a Scottish review decided, in the words of FOISA s.21(4) (the EISR reg 16(4) reviews to the same ends):
   * (a) confirm the decision, with or without modifications; (b) substitute a different decision; (c) reach a
   * decision where none was made. Null for a UK regime, or before the review has an outcome.
   */
  static String statutoryOutcome(Regime regime, String outcome, boolean originalDecisionMade) {
    if (!regime.scottish() || outcome == null || DECLINED_LATE.equals(outcome)) {
      return null;
    }
    if (!originalDecisionMade && !UPHELD.equals(outcome)) {
      return "Decision reached where none had been made (section 21(4)(c))";
    }
    return switch (outcome) {
      case UPHELD -> "Decision confirmed without modification (section 21(4)(a))";
      case OVERTURNED_IN_PART -> "Decision confirmed with modifications (section 21(4)(a))";
      case OVERTURNED_IN_FULL -> "Different decision substituted (section 21(4)(b))";
      default -> null;
    };
  }

  private InternalReview() {
  }
}
