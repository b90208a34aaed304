package org.foiflow.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * Burning redactions in, checked the ways a requester could look for what was removed: the text PDFBox and
 * poppler's pdftotext extract, the rendered page, and every byte of the file once decompressed.
 */
class RedactionBurnerTest {

  private static final String LABEL = "s.40(2)";

  @Test
  void aStandardFontsWordsAreGoneAndTheTextAroundThemStaysText() {
    byte[] input = SamplePdfs.standardFont();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget.", "Nothing on"));
  }

  @Test
  void anEmbeddedSubsetFontsTwoByteCodesAreRemoved() {
    byte[] input = SamplePdfs.embeddedSubset();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget.", "Nothing on"));
  }

  @Test
  void aKernedTextArrayLosesTheCoveredGlyphsAndKeepsItsSpacing() {
    byte[] input = SamplePdfs.kernedArray();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe", "ane D"), List.of("Report by", "about the budget."));
  }

  @Test
  void aRotatedPageIsRedactedWhereItIsDisplayed() {
    byte[] input = SamplePdfs.rotated();
    // turned a quarter clockwise: the line written left to right 700 points up the portrait page runs down the
    // landscape page as displayed, 700 points from its left
    PageArea found = PdfText.find(input, "Jane Doe").get(0).areas().get(0);
    assertThat(found.x()).isCloseTo(697, within(2.0));
    assertThat(found.y()).isBetween(100.0, 200.0);
    assertThat(found.height()).isGreaterThan(found.width());

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget.", "Nothing on"));
  }

  @Test
  void aCroppedPageIsRedactedFromItsCropBoxsCorner() {
    byte[] input = SamplePdfs.cropped();
    // the crop box's top-left corner is at (40, 800) in user space: the line is 32 points in, 100 down
    PageArea found = PdfText.find(input, "Report").get(0).areas().get(0);
    assertThat(found.x()).isCloseTo(32, within(0.5));
    assertThat(found.y()).isBetween(100.0 - 12, 100.0);

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget.", "Nothing on"));
  }

  @Test
  void textInAFormXObjectIsRemoved() {
    byte[] input = SamplePdfs.formXObject();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget."));
  }

  @Test
  void markedContentQuotingTheWordsLosesItsReplacementAndAlternateText() {
    byte[] input = SamplePdfs.markedContentQuotingIt();
    assertThat(ReleasedPdf.rawText(input)).contains("/ActualText (Report by Jane Doe)");

    BurnedCopy copy = burn(input, "Jane Doe");

    assertRedacted(input, copy, List.of("Jane", "Doe"), List.of("Report by", "about the budget.", "wrote it"));
  }

  @Test
  void aDrawingWhollyUnderAMarkIsRemovedAndALineCrossingItStays() throws IOException {
    byte[] input = SamplePdfs.drawingsOverTheName();
    assertThat(operators(input)).contains("c", "l");

    BurnedCopy copy = burn(input, "Jane Doe");

    assertThat(copy.rasterisedPages()).isEmpty();
    List<String> operators = operators(copy.pdf());
    assertThat(operators).doesNotContain("c").contains("l");
    assertThat(ReleasedPdf.pdftotext(copy.pdf())).doesNotContain("Jane").contains("about the budget.");
  }

  @Test
  void anImageUnderAMarkHoldsBlackPixelsThereInTheFile() throws IOException {
    byte[] input = SamplePdfs.imageUnderText();
    // the picture is drawn at 72,500 (200 x 100) in user space: displayed from y = 842 - 600
    PageArea inPicture = new PageArea(1, 100, 262, 60, 40);

    BurnedCopy copy = RedactionBurner.burnIn(input, List.of(new RedactionMark(inPicture, LABEL)));

    assertThat(copy.rasterisedPages()).isEmpty();
    BufferedImage page = ReleasedPdf.render(copy.pdf(), 1);
    assertThat(ReleasedPdf.blackShare(page, inset(inPicture))).isGreaterThan(0.6);
    // the picture's other pixels are still red
    int red = page.getRGB(ReleasedPdf.px(220), ReleasedPdf.px(300));
    assertThat(red & 0xFFFFFF).isEqualTo(0xFF0000);
    // the file holds no picture with red pixels under the mark
    try (PDDocument document = Loader.loadPDF(copy.pdf())) {
      List<BufferedImage> images = images(document.getPage(0));
      assertThat(images).hasSize(1);
      BufferedImage image = images.get(0);
      // the mark covers image pixels 28..88 across, 20..60 down (the image is 200 x 100 on 200 x 100 points)
      for (int y = 22; y < 58; y++) {
        for (int x = 30; x < 86; x++) {
          assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isZero();
        }
      }
      assertThat(image.getRGB(150, 50) & 0xFFFFFF).isEqualTo(0xFF0000);
    }
    assertThat(ReleasedPdf.pdfboxText(copy.pdf())).contains(SamplePdfs.LINE).contains(LABEL);
  }

  @Test
  void metadataAttachmentsBookmarksLinksAndCommentsQuotingTheWordsAreGone() throws IOException {
    byte[] input = SamplePdfs.quotedAround();
    assertThat(ReleasedPdf.rawText(input)).contains("Jane Doe");

    BurnedCopy copy = burn(input, "Jane Doe");

    assertThat(ReleasedPdf.rawText(copy.pdf())).doesNotContainIgnoringCase("Jane").doesNotContainIgnoringCase("Doe");
    try (PDDocument document = Loader.loadPDF(copy.pdf())) {
      assertThat(document.getDocumentInformation().getTitle()).isNull();
      assertThat(document.getDocumentInformation().getAuthor()).isNull();
      assertThat(document.getDocumentCatalog().getMetadata()).isNull();
      assertThat(document.getDocumentCatalog().getNames()).isNull();
      assertThat(document.getDocumentCatalog().getDocumentOutline()).isNull();
      assertThat(document.getPage(0).getAnnotations()).isEmpty();
    }
    assertThat(ReleasedPdf.pdfboxText(copy.pdf())).contains("Report by").contains("about the budget.");
  }

  @Test
  void aWholeParagraphOfALetterIsGoneAndTheOtherParagraphsStayText() {
    byte[] input = SamplePdfs.letter("<p>Dear Applicant, thank you for your request.</p>"
        + "<p>The informant Mr Quentin Blackwood of Marshfield Farm reported the burglary at Oakridge Lane to the"
        + " constable on duty, who passed his statement and the photographs of the scene to the investigating"
        + " officer the same evening.</p><p>Yours sincerely, the Information Rights Team</p>");
    String paragraph = "The informant Mr Quentin Blackwood of Marshfield Farm reported the burglary at Oakridge Lane"
        + " to the constable on duty, who passed his statement and the photographs of the scene to the"
        + " investigating officer the same evening.";
    List<TextMatch> found = PdfText.find(input, paragraph);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).areas()).hasSizeGreaterThan(1);

    BurnedCopy copy = burn(input, paragraph);

    assertThat(copy.rasterisedPages()).isEmpty();
    for (String text : List.of(ReleasedPdf.pdfboxText(copy.pdf()), ReleasedPdf.pdftotext(copy.pdf()))) {
      for (String word : List.of("informant", "Quentin", "Blackwood", "Marshfield", "burglary", "Oakridge",
          "constable", "statement", "photographs", "investigating", "evening")) {
        assertThat(text).doesNotContainIgnoringCase(word);
      }
      assertThat(text).contains("Dear Applicant, thank you for your request.").contains("Information Rights Team")
          .contains(LABEL);
    }
    // the tagged letter's structure tree (its alternate texts) is dropped, not left quoting the paragraph
    try (PDDocument document = Loader.loadPDF(copy.pdf())) {
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNull();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPageThatCannotBeProvenCleanIsRasterisedWithItsLabelStillText() {
    byte[] input = SamplePdfs.stencilUnderText();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertThat(copy.rasterisedPages()).containsExactly(1);
    for (String text : List.of(ReleasedPdf.pdfboxText(copy.pdf()), ReleasedPdf.pdftotext(copy.pdf()))) {
      assertThat(text).doesNotContain("Jane").doesNotContain("Doe").contains(LABEL);
    }
    assertThat(ReleasedPdf.rawText(copy.pdf())).doesNotContain("Jane").doesNotContain("Report by");
    PageArea mark = PdfText.find(input, "Jane Doe").get(0).areas().get(0);
    BufferedImage page = ReleasedPdf.render(copy.pdf(), 1);
    assertThat(ReleasedPdf.blackShare(page, inset(mark))).isGreaterThan(0.6);
    // the rest of the page looks as it did
    PageArea untouched = PdfText.find(input, "Nothing on this line").get(0).areas().get(0);
    assertThat(ReleasedPdf.inkedPixels(page, untouched)).isGreaterThan(50);
  }

  @Test
  void aPageWithTextInATilingPatternIsRasterised() {
    byte[] input = SamplePdfs.patternWithText();

    BurnedCopy copy = burn(input, "Jane Doe");

    assertThat(copy.rasterisedPages()).containsExactly(1);
    assertThat(ReleasedPdf.rawText(copy.pdf())).doesNotContain("Jane");
    assertThat(ReleasedPdf.pdftotext(copy.pdf())).contains(LABEL);
  }

  @Test
  void withoutMarksOnlyTheCleanUpIsDone() {
    byte[] input = SamplePdfs.quotedAround();

    BurnedCopy copy = RedactionBurner.burnIn(input, List.of());

    assertThat(copy.rasterisedPages()).isEmpty();
    assertThat(ReleasedPdf.pdfboxText(copy.pdf())).contains(SamplePdfs.LINE);
    try (PDDocument document = Loader.loadPDF(copy.pdf())) {
      assertThat(document.getDocumentInformation().getTitle()).isNull();
      assertThat(document.getPage(0).getAnnotations()).isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMarkOnAPageTheDocumentDoesNotHaveIsRefused() {
    byte[] input = SamplePdfs.standardFont();

    assertThatThrownBy(() -> RedactionBurner.burnIn(input,
        List.of(new RedactionMark(new PageArea(2, 10, 10, 10, 10), LABEL))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 2");
  }

  @Test
  void aFileThatIsNotAPdfIsUnreadable() {
    assertThatThrownBy(() -> RedactionBurner.burnIn("not a PDF".getBytes(StandardCharsets.UTF_8), List.of()))
        .isInstanceOf(UnreadablePdfException.class).hasMessageContaining("could not be read as a PDF");
  }

  /** Burns every match of a phrase in with the label s.40(2). */
  private static BurnedCopy burn(byte[] input, String phrase) {
    List<RedactionMark> marks = new ArrayList<>();
    for (TextMatch match : PdfText.find(input, phrase)) {
      match.areas().forEach(area -> marks.add(new RedactionMark(area, LABEL)));
    }
    assertThat(marks).isNotEmpty();
    return RedactionBurner.burnIn(input, marks);
  }

  /**
   * The removed words are in no extraction of the copy nor in its decompressed bytes; the label and the kept
   * phrases are text, where they were (within a point), and look as they did; the marks are black.
   */
  private static void assertRedacted(byte[] input, BurnedCopy copy, List<String> gone, List<String> kept) {
    assertThat(copy.rasterisedPages()).isEmpty();
    String raw = ReleasedPdf.rawText(copy.pdf());
    for (String text : List.of(ReleasedPdf.pdfboxText(copy.pdf()), ReleasedPdf.pdftotext(copy.pdf()))) {
      for (String word : gone) {
        assertThat(text).doesNotContainIgnoringCase(word);
      }
      assertThat(text).contains(LABEL);
      kept.forEach(phrase -> assertThat(text).contains(phrase));
    }
    for (String word : gone) {
      assertThat(raw).doesNotContain(word);
    }
    List<PageArea> marks = PdfText.find(input, gone.get(0)).stream().flatMap(m -> m.areas().stream()).toList();
    BufferedImage before = ReleasedPdf.render(input, 1);
    BufferedImage after = ReleasedPdf.render(copy.pdf(), 1);
    for (PageArea mark : marks) {
      assertThat(ReleasedPdf.blackShare(after, inset(mark))).as("black in the mark").isGreaterThan(0.6);
    }
    for (String phrase : kept) {
      PageArea was = PdfText.find(input, phrase).get(0).areas().get(0);
      PageArea is = PdfText.find(copy.pdf(), phrase).get(0).areas().get(0);
      assertThat(is.x()).as(phrase + " x").isCloseTo(was.x(), within(1.0));
      assertThat(is.y()).as(phrase + " y").isCloseTo(was.y(), within(1.0));
      assertThat(ReleasedPdf.inkedPixels(before, was)).isGreaterThan(20);
      assertThat(ReleasedPdf.differingPixels(before, after, was)).as(phrase + " as rendered").isZero();
    }
  }

  /** An area a point inside its edges, where anti-aliasing cannot blur a pixel. */
  private static PageArea inset(PageArea area) {
    return new PageArea(area.page(), area.x() + 1, area.y() + 1, area.width() - 2, area.height() - 2);
  }

  /** The operators of page 1's content streams, in order. */
  private static List<String> operators(byte[] pdf) throws IOException {
    List<String> operators = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (Object token : new org.apache.pdfbox.pdfparser.PDFStreamParser(document.getPage(0)).parse()) {
        if (token instanceof org.apache.pdfbox.contentstream.operator.Operator operator) {
          operators.add(operator.getName());
        }
      }
    }
    return operators;
  }

  private static List<BufferedImage> images(PDPage page) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    PDResources resources = page.getResources();
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDImageXObject image) {
        images.add(image.getImage());
      }
    }
    return images;
  }
}
