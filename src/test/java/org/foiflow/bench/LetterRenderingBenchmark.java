package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foiflow.drafting.AuthorityProfile;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.DraftedLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterSettings;
import org.foiflow.drafting.LetterType;
import org.foiflow.drafting.PdfCopies;
import org.foiflow.drafting.SampleLetters;
import org.junit.jupiter.api.Test;

/**
 * Producing one letter (drafting the HTML from the Thymeleaf template and its plain text, then rendering the PDF
 * of that HTML, as the outbox and downloads do), warm, for every letter type, with the application's settings
 * (templates from letters/, cached for 30 s). The PDF step is also timed on its own, so the table says which
 * half dominates.
 */
class LetterRenderingBenchmark {

  private static final int WARM_UP = Integer.getInteger("bench.letters.warmUp", 40);
  private static final int MEASURED = Integer.getInteger("bench.letters.measured", 60);

  @Test
  void everyLetterTypeDraftedWarm() throws IOException {
    LetterDrafter drafter = new LetterDrafter(AuthorityProfile.defaults(),
        new LetterSettings(LetterSettings.DEFAULT_LOCATION, Duration.ofSeconds(30)), Clock.systemDefaultZone());
    PdfCopies pdfCopies = new PdfCopies(drafter);
    Map<LetterType, CaseLetter> cases = new EnumMap<>(LetterType.class);
    for (LetterType type : LetterType.values()) {
      cases.put(type, CaseLetter.from(SampleLetters.caseFor(type)));
    }
    // warm up across all types, so the JIT and the template cache see the whole mix
    for (int i = 0; i < WARM_UP; i++) {
      for (LetterType type : LetterType.values()) {
        pdfCopies.of(drafter.draft(type, cases.get(type)).html());
      }
    }

    Latencies all = new Latencies();
    Latencies allPdf = new Latencies();
    Map<LetterType, Latencies> byType = new EnumMap<>(LetterType.class);
    Map<LetterType, Latencies> pdfByType = new EnumMap<>(LetterType.class);
    Map<LetterType, DraftedLetter> last = new EnumMap<>(LetterType.class);
    Map<LetterType, byte[]> lastPdf = new EnumMap<>(LetterType.class);
    for (int i = 0; i < MEASURED; i++) {
      for (LetterType type : LetterType.values()) {
        long start = System.nanoTime();
        DraftedLetter letter = drafter.draft(type, cases.get(type));
        long drafted = System.nanoTime() - start;
        start = System.nanoTime();
        byte[] pdf = pdfCopies.of(letter.html());
        long pdfOnly = System.nanoTime() - start;
        all.add(drafted + pdfOnly);
        allPdf.add(pdfOnly);
        byType.computeIfAbsent(type, t -> new Latencies()).add(drafted + pdfOnly);
        pdfByType.computeIfAbsent(type, t -> new Latencies()).add(pdfOnly);
        assertThat(pdf).isNotEmpty();
        last.put(type, letter);
        lastPdf.put(type, pdf);
      }
    }

    FigureTable table = new FigureTable("Letter drafting, warm (HTML + text + PDF per letter)",
        "letter", "pages", "PDF KB", "p50 ms", "p95 ms", "of which PDF, p50 ms");
    for (LetterType type : LetterType.values()) {
      DraftedLetter letter = last.get(type);
      String reference = (String) SampleLetters.caseFor(type).get("reference");
      // what was timed is a real letter: the case's reference in the HTML and in the PDF's text
      assertThat(letter.html()).contains(reference);
      int pages;
      try (PDDocument pdf = Loader.loadPDF(lastPdf.get(type))) {
        assertThat(new PDFTextStripper().getText(pdf)).contains(reference);
        pages = pdf.getNumberOfPages();
      }
      table.row(type.templateName(), pages, lastPdf.get(type).length / 1024,
          byType.get(type).percentileMillis(50), byType.get(type).percentileMillis(95),
          pdfByType.get(type).percentileMillis(50));
    }
    table.row("**all letters**", "", "", all.percentileMillis(50), all.percentileMillis(95),
        allPdf.percentileMillis(50));
    table.note(WARM_UP + " warm-up and " + MEASURED + " measured drafts of each of the " + LetterType.values().length
        + " letter types, one thread. p99 over all letters: " + String.format("%.1f", all.percentileMillis(99))
        + " ms.");
    table.publish("letter-rendering");
  }
}
