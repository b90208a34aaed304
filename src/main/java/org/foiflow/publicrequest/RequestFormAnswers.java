package org.foiflow.publicrequest;

import org.foiflow.intake.NewRequest;

/**
 * What a person typed into the public request form, exactly as typed (so the page can be answered again with it).
 * environmental is YES, NO, NOT_SURE or nothing; only YES makes the request one under the EIR.
 */
public record RequestFormAnswers(String name, String email, String address, String request, String environmental) {

  /** The form's fields in page order: the error summary lists problems in this order. */
  static final java.util.List<String> FIELDS = java.util.List.of("name", "email", "address", "request", "environmental");
  static final java.util.List<String> ENVIRONMENTAL = java.util.List.of("YES", "NO", "NOT_SURE");

  static RequestFormAnswers empty() {
    return new RequestFormAnswers(null, null, null, null, null);
  }

  /** The request as the intake logs it: received today, on the web, FOIA unless the person says it is environmental. */
  NewRequest asNewRequest() {
    return new NewRequest(new NewRequest.Requester(name, email, address), null, NewRequest.Channel.WEB,
        "YES".equals(environmental) ? NewRequest.Regime.EIR : NewRequest.Regime.FOIA, null, request).normalised();
  }
}
