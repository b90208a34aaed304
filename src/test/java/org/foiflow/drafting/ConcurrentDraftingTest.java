package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Parsed fonts are reused between letters: letters drafted and rendered as PDF at the same time (the outbox and
 * downloads render them on their own threads) must each come out whole.
 */
class ConcurrentDraftingTest {

  private final LetterDrafter drafter = LetterCases.drafter();
  private final PdfCopies pdfCopies = new PdfCopies(drafter);

  @Test
  void lettersDraftedAtTheSameTimeEachCarryTheirOwnTextInTheEmbeddedFont() throws Exception {
    LetterType[] types = {LetterType.REFUSAL_NOTICE, LetterType.PARTIAL_DISCLOSURE, LetterType.ACKNOWLEDGEMENT,
        LetterType.NCND};
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> drafts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        LetterType type = types[i % types.length];
        drafts.add(threads.submit(() -> pdfText(drafter.draft(type, CaseLetter.from(LetterCases.caseFor(type))))));
      }
      for (int i = 0; i < drafts.size(); i++) {
        LetterType type = types[i % types.length];
        String reference = (String) LetterCases.caseFor(type).get("reference");
        assertThat(drafts.get(i).get()).contains("Our reference: " + reference, "Example Borough Council",
            "Complaining to the Information Commissioner");
      }
    } finally {
      threads.shutdown();
    }
  }

  private String pdfText(DraftedLetter letter) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(pdfCopies.of(letter.html()))) {
      String fontName = pdf.getPage(0).getResources().getFont(
          pdf.getPage(0).getResources().getFontNames().iterator().next()).getName();
      assertThat(fontName).contains("LiberationSans");
      return new PDFTextStripper().getText(pdf);
    }
  }
}
