package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.foiflow.drafting.LetterAssertions.assertContains;
import static org.foiflow.drafting.LetterAssertions.assertNoPlaceholders;
import static org.foiflow.drafting.LetterAssertions.assertNotContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drafter itself: the PDF of its HTML, escaping, edited text, isolation between cases, template location and reloading. */
class LetterDrafterTest {

  private final LetterDrafter drafter = LetterCases.drafter();
  private final PdfCopies pdfCopies = new PdfCopies(drafter);

  @Test
  void pdfCarriesTheLetterWithItsHeadingsAndReference() throws IOException {
    DraftedLetter letter = drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(LetterCases.section31Refusal()));
    try (PDDocument pdf = Loader.loadPDF(pdfCopies.of(letter.html()))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(pdf.getNumberOfPages()).isBetween(2, 4);
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Refusal notice");
      assertThat(text).contains("Example Borough Council", "Our reference: FOI-2026-00042", "20 November 2026",
          "Refusal notice – Town centre CCTV operating procedures", "Section 31 – Law enforcement", "Harm",
          "Factors favouring disclosure", "Factors favouring non-disclosure", "Balancing test",
          "Your right to ask for a review", "Complaining to the Information Commissioner", "Jordan Ellis");
      // the reference and page number are on every page (running footer)
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setSortByPosition(true);
      lastPage.setStartPage(pdf.getNumberOfPages());
      lastPage.setEndPage(pdf.getNumberOfPages());
      assertThat(lastPage.getText(pdf)).contains("Reference FOI-2026-00042 · Page " + pdf.getNumberOfPages() + " of "
          + pdf.getNumberOfPages());
      // the shipped TrueType font is embedded, so "£" and "–" print the same everywhere
      PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("LiberationSans");
      assertThat(font.isEmbedded()).isTrue();
    }
  }

  @Test
  void requesterTextIsEscapedInTheHtml() throws IOException {
    Map<String, Object> variables = LetterCases.acknowledgement();
    variables.put("requestText", "<script>alert(1)</script> & \"quotes\" <b>bold</b>");
    variables.put("requesterName", "Robert'); <img src=x onerror=alert(2)>");
    variables.put("subject", "</h2><h1>Injected</h1>");
    DraftedLetter letter = drafter.draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(variables));
    assertThat(letter.html())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("&lt;/h2&gt;&lt;h1&gt;Injected&lt;/h1&gt;")
        .doesNotContain("<script>", "<img", "<h1>", "<b>");
    // the text version and the PDF show what was typed, as text
    assertContains(letter.text(), "> <script>alert(1)</script> & \"quotes\" <b>bold</b>");
    try (PDDocument pdf = Loader.loadPDF(pdfCopies.of(letter.html()))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("<script>alert(1)</script>");
    }
  }

  @Test
  void officerTextIsEscapedToo() {
    Map<String, Object> variables = LetterCases.section31Refusal();
    @SuppressWarnings("unchecked")
    Map<String, Object> harm = (Map<String, Object>) ((Map<String, Object>) variables.get("harmTests")).get("s31");
    harm.put("harm", "<script>alert('harm')</script>");
    DraftedLetter letter = drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(variables));
    assertThat(letter.html()).contains("&lt;script&gt;alert(&#39;harm&#39;)&lt;/script&gt;").doesNotContain("<script>");
    DraftedLetter edited = drafter.fromEditedText(CaseLetter.from(variables), "Dear Sam\n\n<script>x()</script>");
    assertThat(edited.html()).contains("&lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void anUneditedDraftSurvivesTheRoundTrip() {
    CaseLetter data = CaseLetter.from(LetterCases.partialDisclosure());
    DraftedLetter draft = drafter.draft(LetterType.PARTIAL_DISCLOSURE, data);
    DraftedLetter again = drafter.fromEditedText(data, draft.text());
    assertThat(again.text()).isEqualTo(draft.text());
    // and laid out the same way: the text of the re-rendered HTML is the same text
    assertThat(PlainText.of(Xhtml.parse(again.html()))).isEqualTo(draft.text());
  }

  @Test
  void theEditedTextIsWhatGoesOut() throws IOException {
    CaseLetter data = CaseLetter.from(LetterCases.section31Refusal());
    String edited = drafter.draft(LetterType.REFUSAL_NOTICE, data).text()
        .replace("Dear Sam Citizen", "Dear Mr Citizen")
        .replace("Balancing test\n--------------", "Weighing the public interest\n----------------------------")
        + "\r\nP.S. A copy of our published CCTV policy is enclosed.   \r\n";
    DraftedLetter letter = drafter.fromEditedText(data, edited);
    assertThat(letter.text()).contains("Dear Mr Citizen", "P.S. A copy of our published CCTV policy is enclosed.\n")
        .doesNotContain("\r", "Dear Sam Citizen");
    assertThat(letter.html()).contains("<h3>Weighing the public interest</h3>", "<li>Accountability for the public",
        "<blockquote>", "Example Borough Council");
    assertNoPlaceholders(letter);
    try (PDDocument pdf = Loader.loadPDF(pdfCopies.of(letter.html()))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Dear Mr Citizen", "Weighing the public interest",
          "P.S. A copy of our published CCTV policy is enclosed.", "Example Borough Council");
    }
  }

  @Test
  void editedTextBlocks() {
    List<EditedText.Block> blocks = EditedText.blocks(
        "Sam Citizen\n12 Acacia Avenue\n\nHeading\n=======\n\nSub\n---\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n\n\nlast");
    assertThat(blocks).extracting(EditedText.Block::kind)
        .containsExactly("paragraph", "heading", "subheading", "list", "numbered", "quote", "paragraph");
    assertThat(blocks.get(0).lines()).containsExactly("Sam Citizen", "12 Acacia Avenue");
    assertThat(blocks.get(3).lines()).containsExactly("one", "two");
    assertThat(blocks.get(4).lines()).containsExactly("first", "second");
    assertThat(EditedText.blocks("  \n\n ")).isEmpty();
  }

  @Test
  void twoCasesDoNotLeakIntoEachOther() {
    CaseLetter first = CaseLetter.from(LetterCases.section31Refusal());
    CaseLetter second = CaseLetter.from(LetterCases.partialDisclosure());
    DraftedLetter firstAlone = LetterCases.drafter().draft(LetterType.REFUSAL_NOTICE, first);

    DraftedLetter a = drafter.draft(LetterType.REFUSAL_NOTICE, first);
    DraftedLetter b = drafter.draft(LetterType.REFUSAL_NOTICE, second);
    DraftedLetter aAgain = drafter.draft(LetterType.REFUSAL_NOTICE, first);

    for (String ofFirst : List.of("FOI-2026-00042", "Sam Citizen", "Acacia Avenue", "CCTV", "Section 31",
        "Someone planning an offence")) {
      assertThat(b.text()).doesNotContain(ofFirst);
      assertThat(b.html()).doesNotContain(ofFirst);
    }
    for (String ofSecond : List.of("FOI-2026-00077", "Priya Shah", "Leisure centre", "Section 43(2)",
        "Chris Doyle", "Competitors bidding")) {
      assertThat(a.text()).doesNotContain(ofSecond);
      assertThat(aAgain.html()).doesNotContain(ofSecond);
    }
    assertThat(aAgain.text()).isEqualTo(a.text()).isEqualTo(firstAlone.text());
    assertThat(aAgain.html()).isEqualTo(a.html());
  }

  @Test
  void draftsInParallelStayApart() {
    List<Map<String, Object>> cases = List.of(LetterCases.section31Refusal(), LetterCases.partialDisclosure(),
        LetterCases.ncnd(), LetterCases.eirRefusal());
    List<String> alone = cases.stream()
        .map(v -> drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(v)).text()).toList();
    List<String> parallel = Stream.iterate(0, i -> i + 1).limit(16).parallel()
        .map(i -> i % 4 + ":" + drafter.draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(cases.get(i % 4))).text())
        .toList();
    for (String result : parallel) {
      int index = Integer.parseInt(result.substring(0, 1));
      assertThat(result.substring(2)).isEqualTo(alone.get(index));
    }
  }

  @Test
  void theLetterIsDatedByTheGivenClock() {
    Clock clock = Clock.fixed(Instant.parse("2027-01-04T10:00:00Z"), ZoneId.of("Europe/London"));
    LetterDrafter dated = new LetterDrafter(LetterCases.authority(), LetterSettings.defaults(), clock);
    assertContains(dated.draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(LetterCases.acknowledgement())).text(),
        "Date: 4 January 2027");
  }

  @Test
  void editedTemplatesAreUsedWithoutARestart(@TempDir Path folder) throws IOException {
    try (Stream<Path> templates = Files.list(Path.of("letters"))) {
      for (Path template : templates.toList()) {
        Files.copy(template, folder.resolve(template.getFileName()));
      }
    }
    LetterDrafter fromFolder = new LetterDrafter(LetterCases.authority(),
        new LetterSettings(folder.toUri().toString(), Duration.ofMillis(1)), Clock.systemUTC());
    CaseLetter data = CaseLetter.from(LetterCases.acknowledgement());
    assertNotContains(fromFolder.draft(LetterType.ACKNOWLEDGEMENT, data).text(), "Thank you for your patience.");

    Path template = folder.resolve("acknowledgement.html");
    Files.writeString(template, Files.readString(template)
        .replace("Please quote the reference above", "Thank you for your patience. Please quote the reference above"));
    sleep(20);
    assertContains(fromFolder.draft(LetterType.ACKNOWLEDGEMENT, data).text(), "Thank you for your patience.");
  }

  @Test
  void aMissingFolderFallsBackToThePackagedTemplates() {
    LetterDrafter packaged = new LetterDrafter(LetterCases.authority(),
        new LetterSettings("file:no-such-letters-folder/", null), Clock.systemUTC());
    assertThat(packaged.templatesLocation()).isEqualTo("classpath:letters/");
    assertThat(LetterCases.drafter().templatesLocation()).isEqualTo("file:letters/");
  }

  @Test
  void aBrokenTemplateIsReportedByName(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("acknowledgement.html"), "<html><body><p th:text=\"${letter.\">x</p></body></html>");
    LetterDrafter broken = new LetterDrafter(LetterCases.authority(),
        new LetterSettings(folder.toUri().toString(), Duration.ZERO), Clock.systemUTC());
    assertThatThrownBy(() -> broken.draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(Map.of())))
        .isInstanceOf(LetterTemplateException.class).hasMessageContaining("acknowledgement");
    assertThatThrownBy(() -> broken.draft(LetterType.NOT_HELD, CaseLetter.from(Map.of())))
        .isInstanceOf(LetterTemplateException.class).hasMessageContaining("not-held");
  }

  @Test
  void aTemplateMayBeWrittenAsHtml(@TempDir Path folder) throws IOException {
    // entities XML does not know and tags left open, as a template editor used to web pages writes them
    Files.writeString(folder.resolve("acknowledgement.html"),
        "<html><head><style>body { font-family: 'Letter Sans'; }</style></head><body><p>Fee: &pound;25 &ndash; due&nbsp;now<br>Thank you &hellip;</p><p>&copy; Council</body></html>");
    LetterDrafter html = new LetterDrafter(LetterCases.authority(),
        new LetterSettings(folder.toUri().toString(), Duration.ZERO), Clock.systemUTC());
    DraftedLetter letter = html.draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(Map.of()));
    assertThat(letter.text()).isEqualTo("Fee: £25 – due\u00a0now\nThank you …\n\n© Council\n");
    try (PDDocument pdf = Loader.loadPDF(new PdfCopies(html).of(letter.html()))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("£25 – due", "Thank you …", "© Council");
    }
  }

  @Test
  void outcomesMapToResponseLetters() {
    assertThat(LetterType.forOutcome("GRANTED_IN_FULL")).isEqualTo(LetterType.FULL_DISCLOSURE);
    assertThat(LetterType.forOutcome("GRANTED_IN_PART")).isEqualTo(LetterType.PARTIAL_DISCLOSURE);
    assertThat(LetterType.forOutcome("WITHHELD_IN_FULL")).isEqualTo(LetterType.REFUSAL_NOTICE);
    assertThat(LetterType.forOutcome("NOT_HELD")).isEqualTo(LetterType.NOT_HELD);
    assertThat(LetterType.forOutcome("NCND")).isEqualTo(LetterType.NCND);
    assertThat(LetterType.forOutcome("REFUSED_S12")).isEqualTo(LetterType.REFUSAL_S12);
    assertThat(LetterType.forOutcome("refused_s14")).isEqualTo(LetterType.REFUSAL_S14);
    assertThat(LetterType.forOutcome("REDIRECTED_SAR")).isEqualTo(LetterType.SAR_SIGNPOST);
    assertThatThrownBy(() -> LetterType.forOutcome("LAPSED")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LetterType.forOutcome(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTypeHasItsTemplateFile() {
    for (LetterType type : LetterType.values()) {
      assertThat(Path.of("letters", type.templateName() + ".html")).exists();
    }
    assertThat(Path.of("letters", LetterDrafter.EDITED_TEMPLATE + ".html")).exists();
  }

  @Test
  void configurationDefaults() {
    AuthorityProfile authority = AuthorityProfile.defaults();
    assertThat(authority.name()).isEqualTo("Example Borough Council");
    assertThat(authority.addressLines()).isNotEmpty();
    assertThat(authority.signatoryName()).isNull();
    assertThat(authority.signatoryTitle()).isEqualTo("Freedom of Information Officer");
    LetterSettings settings = LetterSettings.defaults();
    assertThat(settings.location()).isEqualTo("file:letters/");
    assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(new LetterSettings("classpath:letters", null).location()).isEqualTo("classpath:letters/");
    assertNoPlaceholders(new LetterDrafter(authority, settings, Clock.systemUTC())
        .draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(LetterCases.section31Refusal())));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
