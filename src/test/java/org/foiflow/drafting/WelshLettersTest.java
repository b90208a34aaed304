package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foiflow.drafting.LetterAssertions.assertNoPlaceholders;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foiflow.assessment.CatalogueTitles;
import org.foiflow.casefile.Language;
import org.foiflow.review.ReviewLetters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Welsh edition of the letters (letters/cy/): a requester who corresponds in Welsh gets every letter in Welsh,
 * with Welsh dates and the exemptions cited in Welsh; bilingual letters (the default) give the Welsh first and the
 * English after it, on a later page; {@code foiflow.letters.welsh: welsh} gives the Welsh alone.
 */
class WelshLettersTest {

  /** English that a Welsh letter must never fall back to (what the officer or requester typed aside). */
  private static final Pattern ENGLISH = Pattern.compile(
      "\\b(Dear|Yours sincerely|Yours faithfully|January|February|March|April|May|June|July|August|September"
          + "|October|November|December|Freedom of Information Act|Environmental Information Regulations"
          + "|Information Commissioner|Our reference|internal review|We rely on|public interest|Section \\d|Page \\d)\\b");

  static LetterDrafter drafter(LetterSettings.WelshLetters welsh) {
    return new LetterDrafter(LetterCases.authority(), new LetterSettings("file:letters/", Duration.ZERO, welsh),
        Clock.fixed(LetterCases.LETTER_DATE.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
            ZoneId.of("Europe/London")));
  }

  /** The case, from a requester who asked for Welsh. */
  static Map<String, Object> inWelsh(Map<String, Object> variables) {
    Map<String, Object> v = new HashMap<>(variables);
    v.put("language", "cy");
    return v;
  }

  /** Each letter type, with the Welsh requester's version of the case data the English golden tests use. */
  static Stream<Arguments> letters() {
    List<Arguments> letters = new ArrayList<>();
    for (LetterType type : LetterType.values()) {
      letters.add(Arguments.of(type.templateName(), type, inWelsh(LetterCases.caseFor(type))));
    }
    letters.add(Arguments.of("refusal-notice-eir", LetterType.REFUSAL_NOTICE, inWelsh(LetterCases.eirRefusal())));
    letters.add(Arguments.of("partial-disclosure-s31", LetterType.PARTIAL_DISCLOSURE,
        inWelsh(LetterCases.section31PartialDisclosure())));
    letters.add(Arguments.of("refusal-notice-s43-third-party-objected", LetterType.REFUSAL_NOTICE,
        inWelsh(LetterCases.section43RefusalAfterConsultation())));
    return letters.stream();
  }

  @Test
  void theWelshAcknowledgementReadsAsApproved() throws IOException {
    GoldenLetterTest.compare("cy-acknowledgement", drafter(LetterSettings.WelshLetters.WELSH)
        .draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(inWelsh(LetterCases.acknowledgement()))).text());
  }

  @Test
  void theWelshRefusalNoticeWithHarmAndPublicInterestTestReadsAsApproved() throws IOException {
    Map<String, Object> refusal = inWelsh(LetterCases.section31Refusal());
    refusal.put("exemptionSubsections", new ArrayList<>(List.of("s31-1-a", "s31-1-b")));
    DraftedLetter letter = drafter(LetterSettings.WelshLetters.WELSH)
        .draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(refusal));
    GoldenLetterTest.compare("cy-refusal-notice", letter.text());
    assertThat(letter.text()).contains("Adrannau 31(1)(a) a 31(1)(b) – Gorfodi'r gyfraith",
        "Rydym yn dibynnu ar adran 31(1)(a), atal neu ganfod troseddau, ac adran 31(1)(b), dal neu erlyn troseddwyr.",
        "yn debygol o niweidio atal neu ganfod troseddau a dal neu erlyn troseddwyr",
        "Prawf niwed", "Prawf budd y cyhoedd", "budd y cyhoedd o ran cynnal yr eithriad",
        "Ddeddf Rhyddid Gwybodaeth 2000");
  }

  @Test
  void anEirExceptionIsCitedAsARegulationWithTheMutationsWelshTakes() {
    String text = drafter(LetterSettings.WelshLetters.WELSH)
        .draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(inWelsh(LetterCases.eirRefusal()))).text();
    assertThat(text).contains("Rheoliad 12(5)(b) – Cwrs cyfiawnder ac ymholiadau",
        "pan fyddai datgelu'n effeithio'n andwyol ar gwrs cyfiawnder",
        "caniatáu inni ddibynnu ar reoliad 12(5)(b) dim ond os", "o dan Reoliadau Gwybodaeth Amgylcheddol 2004 (y Rheoliadau)",
        "Eich hawl i ofyn inni ailystyried", "fel y'i cymhwysir i wybodaeth amgylcheddol gan reoliad 18");
    assertThat(WelshExemptionWording.softMutation("diogelu'r amgylchedd")).isEqualTo("ddiogelu'r amgylchedd");
    assertThat(WelshExemptionWording.softMutation("y gwaith")).isEqualTo("y gwaith");
  }

  @Test
  void theBilingualAcknowledgementIsWelshThenEnglishAndReadsAsApproved() throws IOException {
    DraftedLetter letter = drafter(LetterSettings.WelshLetters.BILINGUAL)
        .draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(inWelsh(LetterCases.acknowledgement())));
    GoldenLetterTest.compare("cy-acknowledgement-bilingual", letter.text());
    assertThat(letter.text().indexOf("Annwyl Sam Citizen")).isNotNegative()
        .isLessThan(letter.text().indexOf("Dear Sam Citizen"));
    assertThat(letter.text().indexOf("Yn gywir")).isLessThan(letter.text().indexOf("Yours sincerely"));
    Document html = Jsoup.parse(letter.html());
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(html.select("div.language-version[lang=en-GB]")).hasSize(1);
    assertThat(html.selectFirst("div.language-version").attr("style")).contains("page-break-before: always");
  }

  @Test
  void theWelshSettingGivesTheWelshLetterAloneAndBilingualGivesBoth() {
    CaseLetter welshRequester = CaseLetter.from(inWelsh(LetterCases.acknowledgement()));
    String welshOnly = drafter(LetterSettings.WelshLetters.WELSH).draft(LetterType.ACKNOWLEDGEMENT, welshRequester).text();
    String bilingual = drafter(LetterSettings.WelshLetters.BILINGUAL).draft(LetterType.ACKNOWLEDGEMENT, welshRequester).text();
    assertThat(welshOnly).contains("Cydnabod eich cais", "Yn gywir").doesNotContain("Dear", "Acknowledgement");
    assertThat(bilingual).contains("Cydnabod eich cais", "Yn gywir", "Acknowledgement of your request",
        "Yours sincerely");
    // an English requester's letter is unchanged by either setting
    String english = drafter(LetterSettings.WelshLetters.WELSH)
        .draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(LetterCases.acknowledgement())).text();
    assertThat(english).contains("Dear Sam Citizen").doesNotContain("Annwyl", "Yn gywir");
  }

  @Test
  void everyLetterTypeHasAWelshTemplate() {
    LetterDrafter drafter = drafter(LetterSettings.WelshLetters.WELSH);
    List<String> names = new ArrayList<>();
    for (LetterType type : LetterType.values()) {
      names.add(type.templateName());
    }
    names.addAll(List.of(LetterDrafter.EDITED_TEMPLATE, "third-party-consultation", "layout", "exemptions",
        "enclosures", ReviewLetters.TEMPLATE));
    for (String name : names) {
      assertThat(drafter.template(LetterDrafter.Edition.WELSH, name)).as(name).isEqualTo("cy/" + name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("letters")
  void noWelshLetterFallsBackToEnglish(String name, LetterType type, Map<String, Object> variables) {
    DraftedLetter letter = drafter(LetterSettings.WelshLetters.WELSH).draft(type, CaseLetter.from(variables));
    assertNoPlaceholders(letter);
    assertThat(Jsoup.parse(letter.html()).selectFirst("html").attr("lang")).isEqualTo("cy");
    // the page style is the UK letters' own, shared
    assertThat(Jsoup.parse(letter.html()).selectFirst("head style").data()).contains("@page", ".letterhead");
    assertThat(letter.text()).contains("Yn gywir", "Tachwedd 2026");
    assertNoEnglish(name, withoutTyped(letter.text(), variables));
  }

  @Test
  void theThirdPartyConsultationAndTheEditedLetterAreInWelsh() {
    LetterDrafter drafter = drafter(LetterSettings.WelshLetters.WELSH);
    Map<String, Object> about = new HashMap<>(LetterCases.consultationAbout());
    about.put("replyDue", LocalDate.of(2026, 12, 4));
    Map<String, Object> variables = inWelsh(LetterCases.section43RefusalAfterConsultation());
    DraftedLetter consultation = drafter.draftToOthers("third-party-consultation", CaseLetter.from(variables), about);
    assertNoPlaceholders(consultation);
    assertThat(consultation.text()).contains("Annwyl", "4 Rhagfyr 2026", "buddiannau masnachol", "Yn gywir");
    assertNoEnglish("third-party-consultation", withoutTyped(consultation.text(), variables)
        .replace(String.join("\n", LetterCases.consultationAbout().get("details").toString()), ""));

    DraftedLetter edited = drafter.fromEditedText(CaseLetter.from(variables), "Annwyl Sam\n\nDyma'r llythyr.");
    assertThat(Jsoup.parse(edited.html()).selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(edited.text()).contains("Dyma'r llythyr.");
  }

  @Test
  void welshDatesAreWrittenInWelsh() {
    assertThat(LetterFormats.WELSH.date(LocalDate.of(2026, 1, 22))).isEqualTo("22 Ionawr 2026");
    assertThat(LetterFormats.of(Language.CY).date(LocalDate.of(2026, 5, 14))).isEqualTo("14 Mai 2026");
    String text = drafter(LetterSettings.WelshLetters.WELSH)
        .draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(inWelsh(LetterCases.acknowledgement()))).text();
    assertThat(text).contains("Dyddiad: 20 Tachwedd 2026", "Y dyddiad y daeth eich cais i law: 2 Tachwedd 2026",
        "Y dyddiad erbyn pryd y mae'n rhaid inni ymateb: 30 Tachwedd 2026");
  }

  @Test
  void welshListsTakeAcAndTheMutationsOfA() {
    assertThat(LetterFormats.WELSH.joinAnd(List.of("atal troseddau", "erlyn troseddwyr")))
        .isEqualTo("atal troseddau ac erlyn troseddwyr");
    assertThat(LetterFormats.WELSH.joinAnd(List.of("iechyd", "peryglu", "trefn")))
        .isEqualTo("iechyd, peryglu a threfn");
    assertThat(LetterFormats.WELSH.joinAnd(List.of("niweidio", "y gwaith"))).isEqualTo("niweidio a'r gwaith");
    assertThat(LetterFormats.WELSH.hours(java.math.BigDecimal.valueOf(18))).isEqualTo("18 awr");
  }

  @Test
  void everyExemptionAndSubsectionOfTheCatalogueHasWelshWording() {
    for (String code : CatalogueTitles.all().keySet()) {
      if (code.startsWith("s") || code.startsWith("eir-")) {
        assertThat(WelshExemptionWording.title(code)).as(code).isNotNull();
      }
    }
    for (CatalogueTitles.Subsection subsection : CatalogueTitles.subsections().values()) {
      if (subsection.exemption().startsWith("s")) {
        assertThat(WelshExemptionWording.subsectionInterest(subsection.section())).as(subsection.section()).isNotNull();
      }
    }
  }

  @Test
  void theBilingualPdfHasTheEnglishOnALaterPageThanTheWelsh() throws IOException {
    LetterDrafter drafter = drafter(LetterSettings.WelshLetters.BILINGUAL);
    DraftedLetter letter = drafter.draft(LetterType.ACKNOWLEDGEMENT,
        CaseLetter.from(inWelsh(LetterCases.acknowledgement())));
    byte[] pdf = new PdfCopies(drafter).of(letter.html());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int welshPage = pageOf(document, "Annwyl Sam Citizen");
      int englishPage = pageOf(document, "Dear Sam Citizen");
      assertThat(welshPage).isEqualTo(1);
      assertThat(englishPage).isGreaterThan(welshPage);
      assertThat(pageText(document, welshPage)).contains("Tudalen", "Cydnabod eich cais").doesNotContain("Dear");
    }
  }

  @Test
  void theWelshReviewOutcomeIsInWelshWithWelshDates() {
    LetterTemplates templates = new LetterTemplates(new LetterSettings("file:letters/", Duration.ZERO),
        new org.springframework.core.io.DefaultResourceLoader());
    CaseLetter letter = CaseLetter.from(inWelsh(LetterCases.section31Refusal()));
    Map<String, Object> model = new HashMap<>();
    model.put("letter", letter);
    model.put("authority", LetterCases.authority());
    model.put("today", LetterFormats.WELSH.date(LocalDate.of(2026, 1, 22)));
    model.put("eir", false);
    model.put("kind", "OUTCOME");
    model.put("addressLines", List.of("12 Acacia Avenue", "Exampleton"));
    model.put("review", new ReviewLetters.Facts("8 Ionawr 2026", "2 Rhagfyr 2025", 25, "5 Chwefror 2026", false,
        "UPHELD", null, List.of("We looked again at the procedures."), List.of(), List.of(), List.of(), List.of(),
        null, null, null));
    String text = templates.render("cy/internal-review.txt", model);
    assertThat(text).contains("Annwyl Sam Citizen", "Dyddiad: 22 Ionawr 2026", "Canlyniad eich adolygiad mewnol",
        "Diolch am eich cais dyddiedig 8 Ionawr 2026", "Rydym wedi cadarnhau ein penderfyniad gwreiddiol",
        "We looked again at the procedures.", "Cwyno i'r Comisiynydd Gwybodaeth", "Caerdydd CF10 2HH", "Yn gywir");
    assertNoEnglish("internal-review", text.replace("We looked again at the procedures.", "")
        .replace(letter.subject(), ""));

    model.put("eir", true);
    model.put("kind", "LATE_DECLINED");
    String late = templates.render("cy/internal-review.txt", model);
    assertThat(late).contains("Eich sylwadau o dan reoliad 11", "Daeth eich sylwadau i law 25 diwrnod gwaith",
        "fel y'i cymhwysir i wybodaeth amgylcheddol gan reoliad 18");
    assertNoEnglish("internal-review (EIR, late)", late.replace(letter.subject(), ""));
  }

  @Test
  void aBilingualReviewLetterIsTheWelshTextThenTheEnglishOnANewPage() {
    CaseLetter letter = CaseLetter.from(inWelsh(LetterCases.section31Refusal()));
    DraftedLetter both = drafter(LetterSettings.WelshLetters.BILINGUAL).fromEditedTexts(letter,
        List.of("Annwyl Sam Citizen\n\nRydym wedi cadarnhau ein penderfyniad.\n\nYn gywir",
            "Dear Sam Citizen\n\nWe have upheld our decision.\n\nYours sincerely"));
    Document html = Jsoup.parse(both.html());
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(html.select("div.language-version[lang=en-GB]").text()).contains("We have upheld our decision.")
        .doesNotContain("Rydym wedi cadarnhau");
    assertThat(both.text().indexOf("Rydym wedi cadarnhau")).isNotNegative()
        .isLessThan(both.text().indexOf("We have upheld"));
  }

  /** The text less what the requester and officer typed, which stays in their words. */
  private static String withoutTyped(String text, Map<String, Object> variables) {
    String rest = text;
    List<String> typed = new ArrayList<>();
    collect(variables, typed);
    typed.sort((a, b) -> b.length() - a.length());
    for (String value : typed) {
      for (String line : value.split("\n")) {
        String point = line.replaceFirst("^([-*•]|\\d+[.)])\\s+", "").strip();
        if (point.length() > 3) {
          rest = rest.replace(point, "").replace(LetterFormats.WELSH.lowerFirst(point), "");
        }
      }
    }
    return rest;
  }

  private static void collect(Object value, List<String> into) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, into));
    } else if (value instanceof Iterable<?> list) {
      list.forEach(v -> collect(v, into));
    } else if (value instanceof String text) {
      into.add(text);
    }
  }

  private static void assertNoEnglish(String name, String text) {
    Matcher english = ENGLISH.matcher(text);
    if (english.find()) {
      int from = Math.max(0, english.start() - 80);
      throw new AssertionError("Welsh letter " + name + " has English: '" + english.group() + "' in …"
          + text.substring(from, Math.min(text.length(), english.end() + 80)) + "…");
    }
  }

  private static int pageOf(PDDocument document, String text) throws IOException {
    for (int page = 1; page <= document.getNumberOfPages(); page++) {
      if (pageText(document, page).contains(text)) {
        return page;
      }
    }
    return -1;
  }

  private static String pageText(PDDocument document, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document);
  }
}
