package org.foiflow.review;

import java.time.LocalDate;
import org.foiflow.casefile.Regime;
import org.foiflow.complaints.Commissioner;

/**
 * The review a Scottish requester is entitled to (FOISA ss.20-21; EISR reg 16): asked for within 40 working days of
 * the response (s.20(5); reg 16(2)), though the authority may accept a later one; answered within 20 working days of
 * receipt (s.21(1); reg 16(4)), a limit the law does not let the authority extend; then the requester may apply to
 * the Scottish Information Commissioner within six months of the review response (s.47(4)(b)).
 */
public final class StatutoryReview {

  private StatutoryReview() {
  }

  /** Whether the review of a case under this regime is the Scottish statutory review. */
  public static boolean applies(Regime regime) {
    return regime != null && regime.scottish();
  }

  /** The last day to apply to the Scottish Information Commissioner after a review response sent on that day. */
  public static LocalDate applyToCommissionerBy(LocalDate reviewRespondedOn) {
    return Commissioner.applyBy(reviewRespondedOn);
  }

  /** Why a Scottish review cannot be extended, naming the provision for the regime. */
  static String noExtension(Regime regime) {
    return regime.environmental()
        ? "a review under the EISR must be answered within 20 working days of receiving it (regulation 16(4)): "
            + "it cannot be extended"
        : "a review under FOISA must be answered within 20 working days of receiving the requirement for review "
            + "(section 21(1)): it cannot be extended";
  }
}
