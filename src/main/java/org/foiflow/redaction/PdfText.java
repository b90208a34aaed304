package org.foiflow.redaction;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a PDF says and where: its text, and the areas of the pages a phrase or pattern occupies. */
public final class PdfText {

  private PdfText() {}

  /** Every occurrence of a phrase, case-insensitive; any run of whitespace or a line break matches a space. */
  public static List<TextMatch> find(byte[] pdf, String phrase) {
    Pattern pattern = phrasePattern(phrase);
    return pattern == null ? List.of() : find(pdf, pattern);
  }

  /** Every match of a pattern over the text (lines joined by a line break, words by a space). */
  public static List<TextMatch> find(byte[] pdf, Pattern pattern) {
    try (PDDocument document = PdfFile.open(pdf)) {
      return DocumentText.of(document).find(pattern);
    } catch (IOException e) {
      throw new UnreadablePdfException("The PDF could not be read.", e);
    }
  }

  /**
   * Every match of a pattern someone typed, given up with {@link SlowPatternException} after the time limit: a
   * pattern such as {@code (.|\w)*\1#} backtracks for years over one line.
   */
  public static List<TextMatch> find(byte[] pdf, Pattern pattern, Duration limit) {
    try (PDDocument document = PdfFile.open(pdf)) {
      return DocumentText.of(document).find(pattern, limit);
    } catch (IOException e) {
      throw new UnreadablePdfException("The PDF could not be read.", e);
    }
  }

  /** The whole text, page by page. */
  public static String text(byte[] pdf) {
    try (PDDocument document = PdfFile.open(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    } catch (IOException e) {
      throw new UnreadablePdfException("The text of the PDF could not be read.", e);
    }
  }

  /** The pattern a phrase stands for, or null for a blank phrase (which matches nothing). */
  static Pattern phrasePattern(String phrase) {
    if (phrase == null || phrase.isBlank()) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (String word : phrase.strip().split("\\s+")) {
      if (!regex.isEmpty()) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(word));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
