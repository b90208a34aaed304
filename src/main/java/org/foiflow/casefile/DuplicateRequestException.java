package org.foiflow.casefile;

import org.camunda.bpm.engine.ProcessEngineException;

/** The same request from the same requester, received the same day, is already a case. */
public class DuplicateRequestException extends ProcessEngineException {

  private final String fingerprint;

  public DuplicateRequestException(String fingerprint) {
    super("this request has already been logged (same requester, request and date received)");
    this.fingerprint = fingerprint;
  }

  public String fingerprint() {
    return fingerprint;
  }
}
