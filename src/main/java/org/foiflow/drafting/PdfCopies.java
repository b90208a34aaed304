package org.foiflow.drafting;

import java.nio.charset.StandardCharsets;
import org.foiflow.casefile.UserText;
import org.springframework.stereotype.Component;

/**
 * The PDF copy of a filed letter (the email attachment, the printed copy), rendered from the letter's HTML when
 * someone needs it: the outbox once the step that sent the letter has committed, or a download. Never while a
 * case step runs: a PDF takes 60 to 90 ms, which the step's transaction would hold its locks for
 * (docs/benchmarks.md). The same HTML gives the same letter, so nothing but the HTML is filed.
 */
@Component
public class PdfCopies {

  private final LetterDrafter drafter;

  public PdfCopies(LetterDrafter drafter) {
    this.drafter = drafter;
  }

  /** The PDF of a letter's HTML as drafted (and filed) by the {@link LetterDrafter}. */
  public byte[] of(String html) {
    // a letter filed before its case's text was normalised still renders
    return LetterPdf.render(Xhtml.parse(UserText.normalise(html)), drafter.baseUri());
  }

  /** The PDF of a filed letter's HTML file (UTF-8). */
  public byte[] of(byte[] html) {
    return of(new String(html, StandardCharsets.UTF_8));
  }
}
