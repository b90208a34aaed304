package org.foiflow.complaints;

import java.time.LocalDate;
import org.foiflow.casefile.Regime;

/**
 * Who a complaint about a case goes to, and where an appeal against the decision lies, by the case's law: the
 * Information Commissioner (FOIA s.50, EIR reg 18) and the First-tier Tribunal (Information Rights) (s.57); or, for a
 * Scottish authority, an application to the Scottish Information Commissioner (FOISA s.47, EISR reg 17), whose
 * decision may be appealed to the Court of Session on a point of law within 42 days (s.56).
 */
public enum Commissioner {

  INFORMATION_COMMISSIONER("Information Commissioner", "First-tier Tribunal (Information Rights)"),
  SCOTTISH_INFORMATION_COMMISSIONER("Scottish Information Commissioner", "Court of Session");

  /** FOISA s.47(4)(b): an application is made within six months of the review response. */
  public static final int APPLY_WITHIN_MONTHS_OF_REVIEW = 6;
  /** FOISA s.56 and the Rules of the Court of Session (rule 41.20): an appeal within 42 days of the decision notice. */
  public static final int COURT_OF_SESSION_APPEAL_DAYS = 42;

  private final String title;
  private final String appealBody;

  Commissioner(String title, String appealBody) {
    this.title = title;
    this.appealBody = appealBody;
  }

  /** "Scottish Information Commissioner". */
  public String title() {
    return title;
  }

  /** Where an appeal against the Commissioner's decision lies: "Court of Session". */
  public String appealBody() {
    return appealBody;
  }

  /** The Commissioner of a case under this regime. */
  public static Commissioner of(Regime regime) {
    return regime.scottish() ? SCOTTISH_INFORMATION_COMMISSIONER : INFORMATION_COMMISSIONER;
  }

  /** The last day of the six months after a Scottish review response in which the requester may apply (s.47(4)(b)). */
  public static LocalDate applyBy(LocalDate reviewRespondedOn) {
    return reviewRespondedOn.plusMonths(APPLY_WITHIN_MONTHS_OF_REVIEW);
  }
}
