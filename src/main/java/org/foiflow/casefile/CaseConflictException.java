package org.foiflow.casefile;

/** The case is in a state that does not allow this now (e.g. a review is already open): 409. */
public class CaseConflictException extends RuntimeException {

  public CaseConflictException(String message) {
    super(message);
  }
}
