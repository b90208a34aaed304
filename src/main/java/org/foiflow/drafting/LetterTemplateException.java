package org.foiflow.drafting;

/** A letter template that cannot be rendered: missing, broken markup, or an expression that fails. */
public class LetterTemplateException extends RuntimeException {

  public LetterTemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
