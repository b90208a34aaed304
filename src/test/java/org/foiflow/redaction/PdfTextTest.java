package org.foiflow.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PdfTextTest {

  private static final byte[] TWO_PAGES = twoPages();

  @Test
  void aPhraseIsFoundEverywhereWhateverItsCaseAndAcrossALineBreak() {
    List<TextMatch> found = PdfText.find(TWO_PAGES, "jane DOE");

    assertThat(found).extracting(TextMatch::text).containsExactly("Jane Doe", "JANE\nDoe".replace("\n", " "),
        "jane doe");
    // one area per line the occurrence spans, on the page it is on
    assertThat(found.get(0).areas()).hasSize(1);
    assertThat(found.get(1).areas()).hasSize(2);
    assertThat(found.get(1).areas()).allSatisfy(area -> assertThat(area.page()).isEqualTo(1));
    assertThat(found.get(2).areas()).singleElement().satisfies(area -> assertThat(area.page()).isEqualTo(2));
    // the area of the first is where the words are: Helvetica 12 at 72 points from the left
    PageArea first = found.get(0).areas().get(0);
    assertThat(first.x()).isGreaterThan(72);
    assertThat(first.y()).isBetween(842.0 - 700 - 12, 842.0 - 700 + 3);
    assertThat(first.height()).isBetween(10.0, 16.0);
  }

  @Test
  void aPatternIsFoundWithItsAreas() {
    List<TextMatch> found = PdfText.find(TWO_PAGES, Pattern.compile("ref\\w*\\s+\\d+", Pattern.CASE_INSENSITIVE));

    assertThat(found).extracting(TextMatch::text).containsExactly("Reference 2024", "reference 77");
    assertThat(found).allSatisfy(match -> assertThat(match.areas()).isNotEmpty());
  }

  @Test
  void aPatternThatBacktracksForeverIsGivenUpAfterItsTimeLimit() {
    // the back-reference turns off java.util.regex's loop memo: exponential in the length of a line
    Pattern catastrophic = Pattern.compile("(.|\\w)*\\1#");

    assertThatThrownBy(() -> PdfText.find(TWO_PAGES, catastrophic, Duration.ofMillis(200)))
        .isInstanceOf(SlowPatternException.class);
    assertThat(PdfText.find(TWO_PAGES, Pattern.compile("jane", Pattern.CASE_INSENSITIVE), Duration.ofSeconds(5)))
        .hasSize(3);
  }

  @Test
  void aPhraseFoundNowhereGivesNoMatch() {
    assertThat(PdfText.find(TWO_PAGES, "Janet")).isEmpty();
    assertThat(PdfText.find(TWO_PAGES, "  ")).isEmpty();
  }

  @Test
  void theTextIsTheWholeTextPageByPage() {
    String text = PdfText.text(TWO_PAGES);

    assertThat(text).contains("Letter from Jane Doe, Reference 2024").contains("jane doe again, reference 77");
    assertThat(text.indexOf("Reference 2024")).isLessThan(text.indexOf("reference 77"));
  }

  private static byte[] twoPages() {
    try (var document = new PDDocument()) {
      for (String[] lines : new String[][] {{"Letter from Jane Doe, Reference 2024", "which JANE", "Doe wrote."},
          {"Then jane doe again, reference 77"}}) {
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (var content = new PDPageContentStream(document, page)) {
          float y = 700;
          for (String line : lines) {
            SamplePdfs.line(content, SamplePdfs.helvetica(), 12, 72, y, line);
            y -= 16;
          }
        }
      }
      return SamplePdfs.save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
