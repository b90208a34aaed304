package org.foiflow.redaction;

/** A file PDFBox cannot read as a PDF (broken, encrypted); the message says so in plain English. */
public class UnreadablePdfException extends RuntimeException {

  public UnreadablePdfException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnreadablePdfException(String message) {
    super(message);
  }
}
