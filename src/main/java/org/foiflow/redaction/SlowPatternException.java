package org.foiflow.redaction;

import java.time.Duration;

/** A pattern that did not finish matching a document's text within its time limit (catastrophic backtracking). */
public class SlowPatternException extends RuntimeException {

  public SlowPatternException(Duration limit) {
    super("the pattern took longer than " + limit.toSeconds() + " seconds to match the document's text");
  }
}
