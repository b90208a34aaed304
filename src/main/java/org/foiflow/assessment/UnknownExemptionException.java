package org.foiflow.assessment;

import org.camunda.bpm.engine.BadUserRequestException;

/** A cited exemption code the catalogue does not know: the form and the DMN table disagree. */
public class UnknownExemptionException extends BadUserRequestException {

  public UnknownExemptionException(String code) {
    super("exemption '" + code + "' is not in the DMN exemption-catalogue; add a row there or correct the form");
  }
}
