package org.foiflow.drafting;

import java.util.Map;

/**
 * The drafting tests' fixed case data for each letter type, and the PDF step on its own, opened to the
 * benchmarks in org.foiflow.bench (the fixtures themselves stay package-private).
 */
public final class SampleLetters {

  private SampleLetters() {
  }

  /** A fresh copy of the case variables the golden tests draft this letter from. */
  public static Map<String, Object> caseFor(LetterType type) {
    return LetterCases.caseFor(type);
  }

  /** Only the HTML-to-PDF step of drafting, as LetterDrafter runs it, for a letter's HTML. */
  public static byte[] pdfOf(String html, String baseUri) {
    return LetterPdf.render(Xhtml.parse(html, "benchmark"), baseUri);
  }
}
