package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The officer's Markdown round trip of a drafted letter: structure (headings, lists, quotes) survives unedited, an
 * edit reaches the letter's HTML and PDF, and nothing but the letter's own elements gets in.
 */
class LetterMarkdownTest {

  private final LetterDrafter drafter = LetterCases.drafter();
  private final PdfCopies pdfCopies = new PdfCopies(drafter);
  private final CaseLetter partial = CaseLetter.from(LetterCases.section31PartialDisclosure());

  @Test
  void aPartialDisclosureGoneRoundUneditedKeepsItsHeadingsListsAndQuotes() {
    DraftedLetter drafted = drafter.draft(LetterType.PARTIAL_DISCLOSURE, partial);

    DraftedLetter again = drafter.fromEditedMarkdown(partial, drafted.markdown());

    assertThat(structure(again.html())).isEqualTo(structure(drafted.html()));
    assertThat(structure(drafted.html())).contains("h2:Our reasons for withholding information",
        "h3:The information we are withholding", "blockquote", "ul");
    assertThat(again.markdown()).isEqualTo(drafted.markdown());
    assertThat(drafted.markdown()).contains("# Response to your request", "## The information we are withholding",
        "\n> ", "\n- ").doesNotContain("=====", "Information Governance Team");
  }

  @Test
  void anEditedParagraphAndAnAddedHeadingReachThePdf() throws IOException {
    DraftedLetter drafted = drafter.draft(LetterType.PARTIAL_DISCLOSURE, partial);
    String edited = drafted.markdown().replace("# Our reasons for withholding information",
        "# A note on the attached spreadsheet\n\nThe spreadsheet lists **every** site by ward.\n\n"
            + "# Our reasons for withholding information");

    DraftedLetter letter = drafter.fromEditedMarkdown(partial, edited);

    assertThat(structure(letter.html())).contains("h2:A note on the attached spreadsheet");
    assertThat(Jsoup.parse(letter.html()).select("strong").eachText()).contains("every");
    try (PDDocument pdf = Loader.loadPDF(pdfCopies.of(letter.html()))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(pdf);
      assertThat(text).contains("A note on the attached spreadsheet", "The spreadsheet lists every site by ward.",
          "Our reasons for withholding information", "Example Borough Council");
    }
  }

  @Test
  void markupAnOfficerTypesIsLetterTextNotHtml() {
    DraftedLetter letter = drafter.fromEditedMarkdown(partial,
        "Dear Sam\n\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[a link](javascript:alert(3))");

    Element main = Jsoup.parse(letter.html()).selectFirst("main");
    assertThat(main.select("script, img, a, [onerror]")).isEmpty();
    assertThat(main.text()).contains("<script>alert(1)</script>", "a link");
  }

  @Test
  void linesOfAnAddressStayOnTheirOwnLines() {
    DraftedLetter letter = drafter.fromEditedMarkdown(partial, "Sam Citizen\n1 Example Road\nExampletown\n\nDear Sam");

    Element address = Jsoup.parse(letter.html()).selectFirst("main p");
    assertThat(address.text()).isEqualTo("Sam Citizen 1 Example Road Exampletown");
    assertThat(address.select("br")).hasSize(2);
  }

  /** The letter's main structure in order: headings with their text, lists and quotes. */
  private static List<String> structure(String html) {
    return Jsoup.parse(html).select("main h2, main h3, main h4, main ul, main ol, main blockquote").stream()
        .map(e -> e.normalName().matches("h\\d") ? e.normalName() + ":" + e.text() : e.normalName()).toList();
  }
}
