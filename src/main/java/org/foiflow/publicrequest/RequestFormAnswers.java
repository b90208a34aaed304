package org.foiflow.publicrequest;

import org.foiflow.casefile.Jurisdiction;
import org.foiflow.intake.NewRequest;

/**
 * What a person typed into the public request form, exactly as typed (so the page can be answered again with it).
 * environmental is YES, NO, NOT_SURE or nothing; only YES makes the request one under the EIR. language is the
 * language of our letters, "en" or "cy" (asked only where Welsh is offered).
 */
public record RequestFormAnswers(String name, String email, String address, String request, String environmental,
                                 String language) {

  /** The form's fields in page order: the error summary lists problems in this order. */
  static final java.util.List<String> FIELDS = java.util.List.of("name", "email", "address", "request", "environmental",
      "language");
  static final java.util.List<String> ENVIRONMENTAL = java.util.List.of("YES", "NO", "NOT_SURE");

  static RequestFormAnswers empty() {
    return new RequestFormAnswers(null, null, null, null, null, null);
  }

  /**
   * The request as the intake logs it: received today, on the web, under the jurisdiction's usual regime (FOIA,
   * FOISA) unless the person says it is environmental (the EIR, the EISR), in the language they chose (none where the
   * form does not ask: English).
   */
  NewRequest asNewRequest(Jurisdiction jurisdiction) {
    return new NewRequest(new NewRequest.Requester(name, email, address), null, NewRequest.Channel.WEB,
        "YES".equals(environmental) ? jurisdiction.environmentalRegime() : jurisdiction.defaultRegime(), null,
        request, jurisdiction == Jurisdiction.UK ? blankToNull(language) : null).normalised();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
