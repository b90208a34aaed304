package org.foiflow.drafting;

import java.util.Locale;

/**
 * The letters foiflow writes. Each one is a Thymeleaf template in the letters folder (foiflow.letters.location),
 * named after the type, so the FOI team can change the wording without a rebuild.
 */
public enum LetterType {

  /** The request is logged: reference, date received, date the answer is due (s.10(1), reg 5(2)). */
  ACKNOWLEDGEMENT("acknowledgement", "Your request for information"),
  /** s.1(3) / reg 9(2): we cannot find the information without more detail, with advice and assistance (s.16, reg 9). */
  CLARIFICATION_REQUEST("clarification-request", "We need more detail to answer your request"),
  /** s.9 fees notice / reg 8 charge: the time for compliance stops until the fee is paid. */
  FEES_NOTICE("fees-notice", "Fees notice"),
  /** s.12 cost limit (or reg 12(4)(b) manifestly unreasonable under the EIR), with the estimate and advice on narrowing. */
  REFUSAL_S12("refusal-s12", "Refusal notice: cost limit"),
  /** s.14(1) vexatious or s.14(2) repeated request (reg 12(4)(b) under the EIR). */
  REFUSAL_S14("refusal-s14", "Refusal notice: vexatious or repeated request"),
  /** s.17 refusal notice: information withheld in full under exemptions (EIR: reg 14 with exceptions). */
  REFUSAL_NOTICE("refusal-notice", "Refusal notice"),
  /** Some information released, the rest withheld under exemptions: a refusal notice for the withheld part. */
  PARTIAL_DISCLOSURE("partial-disclosure", "Response to your request for information"),
  /** Everything asked for is released. */
  FULL_DISCLOSURE("full-disclosure", "Response to your request for information"),
  /** s.1(1)(a): no information is held (EIR: reg 12(4)(a)). */
  NOT_HELD("not-held", "Response to your request for information"),
  /** The duty to confirm or deny is excluded: neither confirm nor deny. */
  NCND("ncnd", "Response to your request for information"),
  /** s.10(3) and s.17(2): more time to consider the public interest (EIR: reg 7, complex and voluminous). */
  PUBLIC_INTEREST_EXTENSION("public-interest-extension", "Extension of time to respond"),
  /** Really a request for the requester's own personal data: handled as a subject access request (UK GDPR Art.15). */
  SAR_SIGNPOST("sar-signpost", "Your request for your own personal information");

  private final String templateName;
  private final String title;

  LetterType(String templateName, String title) {
    this.templateName = templateName;
    this.title = title;
  }

  /** The template's file name in the letters folder, without ".html". */
  public String templateName() {
    return templateName;
  }

  /** A short title, e.g. for an email subject or a file name. */
  public String title() {
    return title;
  }

  /** The letter releases information: the released copies of the case's documents go with it. */
  public boolean releasesInformation() {
    return this == FULL_DISCLOSURE || this == PARTIAL_DISCLOSURE;
  }

  /** The letter withholds information: the schedule of redactions (the redaction log) is annexed to it. */
  public boolean withholdsInformation() {
    return this == PARTIAL_DISCLOSURE || this == REFUSAL_NOTICE;
  }

  /** The type a letter was filed under ("PARTIAL_DISCLOSURE"), or null for one that is not a response type. */
  public static LetterType ofFiled(String type) {
    for (LetterType candidate : values()) {
      if (candidate.name().equals(type)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The response letter for an outcome of the DMN table response-outcome (variable {@code outcome}).
   *
   * @throws IllegalArgumentException for an outcome that sends no letter (e.g. LAPSED) or is unknown
   */
  public static LetterType forOutcome(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("no outcome recorded: cannot choose a response letter");
    }
    return switch (outcome.trim().toUpperCase(Locale.ROOT)) {
      case "GRANTED_IN_FULL" -> FULL_DISCLOSURE;
      case "GRANTED_IN_PART" -> PARTIAL_DISCLOSURE;
      case "WITHHELD_IN_FULL" -> REFUSAL_NOTICE;
      case "NOT_HELD" -> NOT_HELD;
      case "NCND" -> NCND;
      case "REFUSED_S12" -> REFUSAL_S12;
      case "REFUSED_S14" -> REFUSAL_S14;
      case "REDIRECTED_SAR" -> SAR_SIGNPOST;
      default -> throw new IllegalArgumentException("outcome '" + outcome + "' has no response letter");
    };
  }
}
