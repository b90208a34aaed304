package org.foiflow.redaction;

import java.util.List;
import java.util.regex.Pattern;

/** What a PDF says and where: its text, and the areas of the pages a phrase or pattern occupies. */
public final class PdfText {

  private PdfText() {}

  /** Every occurrence of a phrase, case-insensitive; any run of whitespace or a line break matches a space. */
  public static List<TextMatch> find(byte[] pdf, String phrase) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every match of a pattern over the text (lines joined by a line break, words by a space). */
  public static List<TextMatch> find(byte[] pdf, Pattern pattern) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The whole text, page by page. */
  public static String text(byte[] pdf) {
    throw new UnsupportedOperationException("not yet");
  }
}
