package org.foiflow.drafting;

import java.util.Map;

/**
 * The drafting tests' fixed case data for each letter type, opened to the benchmarks in org.foiflow.bench (the
 * fixtures themselves stay package-private).
 */
public final class SampleLetters {

  private SampleLetters() {
  }

  /** A fresh copy of the case variables the golden tests draft this letter from. */
  public static Map<String, Object> caseFor(LetterType type) {
    return LetterCases.caseFor(type);
  }
}
