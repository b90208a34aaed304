package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foiflow.redaction.BurnedCopy;
import org.foiflow.redaction.PageImages;
import org.foiflow.redaction.PdfText;
import org.foiflow.redaction.PersonalDataFinder;
import org.foiflow.redaction.PersonalDataSuggestion;
import org.foiflow.redaction.RedactionBurner;
import org.foiflow.redaction.RedactionMark;
import org.foiflow.redaction.TextMatch;
import org.junit.jupiter.api.Test;

/**
 * The redaction engine on a long document: a PDF of {@code bench.redaction.pages} pages (100) of paragraphs in
 * an embedded subset font (two-byte codes, as office documents converted to PDF have), each page naming people
 * and their email addresses. Times finding a name over the whole document, suggesting personal data, burning in
 * three marks a page (per page), and drawing a page for the redaction view. Checks that what it timed is right:
 * the name is in no text of the burned copy and no page was rasterised.
 */
class RedactionBenchmark {

  private static final int PAGES = Integer.getInteger("bench.redaction.pages", 100);
  private static final int ROUNDS = Integer.getInteger("bench.redaction.rounds", 3);
  private static final int RENDERED = Integer.getInteger("bench.redaction.renderedPages", 10);
  private static final String NAME = "Jane Doe";

  @Test
  void findBurnInAndRenderALongDocument() throws IOException {
    byte[] pdf = longDocument(PAGES);

    Latencies finding = new Latencies();
    Latencies suggesting = new Latencies();
    Latencies burning = new Latencies();
    Latencies rendering = new Latencies();
    List<TextMatch> found = List.of();
    List<PersonalDataSuggestion> suggestions = List.of();
    BurnedCopy copy = null;
    // the first round warms up and is not counted
    for (int round = 0; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      found = PdfText.find(pdf, NAME);
      long found_ = System.nanoTime();
      suggestions = PersonalDataFinder.suggest(pdf, List.of(NAME));
      long suggested = System.nanoTime();
      List<RedactionMark> marks = new ArrayList<>();
      found.forEach(match -> match.areas().forEach(area -> marks.add(new RedactionMark(area, "s.40(2)"))));
      copy = RedactionBurner.burnIn(pdf, marks);
      long burned = System.nanoTime();
      if (round > 0) {
        finding.add(found_ - start);
        suggesting.add(suggested - found_);
        burning.add(burned - suggested);
      }
    }
    for (int page = 1; page <= Math.min(RENDERED, PAGES); page++) {
      long start = System.nanoTime();
      byte[] png = PageImages.png(pdf, page, 96);
      rendering.add(System.nanoTime() - start);
      assertThat(png).isNotEmpty();
    }

    // what was timed is right: three marks a page, the name gone from the copy's text, every page still text
    assertThat(found).hasSize(3 * PAGES);
    assertThat(suggestions).extracting(PersonalDataSuggestion::kind).contains("NAME", "EMAIL", "PHONE");
    assertThat(copy.rasterisedPages()).isEmpty();
    try (PDDocument released = Loader.loadPDF(copy.pdf())) {
      String text = new PDFTextStripper().getText(released);
      assertThat(text).doesNotContain("Jane").doesNotContain("Doe").contains("s.40(2)").contains("Paragraph");
    }

    FigureTable table = new FigureTable("Redaction of a " + PAGES + "-page PDF (" + ROUNDS + " rounds after one"
        + " warm-up; PDF " + pdf.length / 1024 + " KB, burned copy " + copy.pdf().length / 1024 + " KB)",
        "step", "median ms", "max ms", "per page, ms");
    table.row("find a name over the document (" + found.size() + " matches)", finding.percentileMillis(50),
        finding.percentileMillis(100), finding.percentileMillis(50) / PAGES);
    table.row("suggest personal data (" + suggestions.size() + " suggestions)", suggesting.percentileMillis(50),
        suggesting.percentileMillis(100), suggesting.percentileMillis(50) / PAGES);
    table.row("burn in 3 marks a page, check the copy", burning.percentileMillis(50), burning.percentileMillis(100),
        burning.percentileMillis(50) / PAGES);
    table.row("render one page at 96 dpi (PNG, " + rendering.count() + " pages; loads the PDF each time)",
        rendering.percentileMillis(50), rendering.percentileMillis(100), rendering.percentileMillis(50));
    table.publish("redaction");
  }

  /** Pages of paragraphs, each page naming Jane Doe three times, with other people, emails and phone numbers. */
  static byte[] longDocument(int pages) throws IOException {
    try (PDDocument document = new PDDocument();
        InputStream fontFile = RedactionBenchmark.class.getResourceAsStream("/fonts/LiberationSans-Regular.ttf")) {
      PDFont font = PDType0Font.load(document, fontFile, true);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(14);
          content.newLineAtOffset(60, 780);
          for (int line = 0; line < 48; line++) {
            content.showText(line(p, line));
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static String line(int page, int line) {
    return switch (line % 16) {
      case 0 -> "Paragraph " + page + "." + (line / 16 + 1) + ": the council received a request about its budget.";
      case 3 -> "The officer " + NAME + " wrote to Mr Smith (smith" + page + "@example.org) on the matter.";
      case 7 -> "Calls were logged from 01632 960" + String.format("%03d", page % 1000) + " and answered by staff.";
      default -> "The minutes record the discussion of item " + (line + 1) + " and the decisions of the committee.";
    };
  }
}
