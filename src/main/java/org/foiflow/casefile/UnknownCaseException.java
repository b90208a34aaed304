package org.foiflow.casefile;

/** No FOI case has this reference (or the user may not see it). */
public class UnknownCaseException extends RuntimeException {

  private final String reference;

  public UnknownCaseException(String reference) {
    super("no FOI request has the reference " + reference);
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
