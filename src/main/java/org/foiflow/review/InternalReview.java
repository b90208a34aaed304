package org.foiflow.review;

import java.util.Map;

/** The vocabulary of bpmn/internal-review.bpmn: its key, the reviewer's decisions and the outcomes recorded. */
public final class InternalReview {

  public static final String PROCESS_KEY = "internal-review";

  /** s.45 Code of Practice (part 5) and EIR reg 11(2): a review is asked for within 40 working days. */
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

  private InternalReview() {
  }
}
