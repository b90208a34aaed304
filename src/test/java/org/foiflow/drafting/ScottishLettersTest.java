package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foiflow.drafting.LetterAssertions.assertContains;
import static org.foiflow.drafting.LetterAssertions.assertNoPlaceholders;
import static org.foiflow.drafting.LetterAssertions.assertNotContains;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.foiflow.review.ReviewLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The Scottish edition of the letters (letters/scotland/): every letter of a FOISA or EISR case is drafted from its
 * own Scottish template, in the words of FOISA and the EISR, never the UK's; the key letters read as approved
 * (src/test/resources/golden/scotland-*.txt, rewritten with -Dgolden.update=true).
 */
class ScottishLettersTest {

  /** Words of the UK regime that a Scottish letter must never use. */
  private static final String[] UK_WORDS = {"Freedom of Information Act 2000", "Information Commissioner's Office",
      "First-tier Tribunal", "section 17", "Wycliffe House", "Environmental Information Regulations 2004"};

  private static final LetterDrafter DRAFTER = LetterCases.scottishDrafter();
  private static final LetterTemplates TEMPLATES = new LetterTemplates(
      new LetterSettings("file:letters/", Duration.ZERO), new DefaultResourceLoader());

  // --- golden letters -----------------------------------------------------------------------------------------

  static Stream<Arguments> goldenLetters() {
    return Stream.of(
        Arguments.of("scotland-acknowledgement", LetterType.ACKNOWLEDGEMENT,
            LetterCases.inScotland(LetterCases.acknowledgement())),
        Arguments.of("scotland-refusal-notice", LetterType.REFUSAL_NOTICE, LetterCases.foisaSection35Refusal()),
        Arguments.of("scotland-refusal-notice-eisr", LetterType.REFUSAL_NOTICE, LetterCases.eisrRefusal()),
        Arguments.of("scotland-refusal-s12", LetterType.REFUSAL_S12, LetterCases.scottishCostLimit()),
        Arguments.of("scotland-fees-notice", LetterType.FEES_NOTICE, LetterCases.scottishFees()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenLetters")
  void scottishLetterReadsAsApproved(String name, LetterType type, Map<String, Object> variables) throws IOException {
    GoldenLetterTest.compare(name, DRAFTER.draft(type, CaseLetter.from(variables)).text());
  }

  @Test
  void scottishReviewOutcomeReadsAsApproved() throws IOException {
    GoldenLetterTest.compare("scotland-internal-review-outcome",
        reviewLetter(LetterCases.foisaSection35Refusal(), "OUTCOME", "OVERTURNED_IN_PART").text());
  }

  // --- every letter in FOISA / EISR words --------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(LetterType.class)
  void everyLetterTypeHasAScottishTemplate(LetterType type) {
    CaseLetter foisa = CaseLetter.from(LetterCases.scottishCaseFor(type));
    LetterDrafter.Edition edition = DRAFTER.editions(foisa).get(0);
    assertThat(edition).isEqualTo(LetterDrafter.Edition.SCOTTISH);
    assertThat(DRAFTER.template(edition, type.templateName())).isEqualTo("scotland/" + type.templateName());
  }

  @Test
  void theSharedAndReviewTemplatesHaveScottishEditionsToo() {
    for (String name : List.of("layout", "edited-letter", "third-party-consultation", ReviewLetters.TEMPLATE)) {
      assertThat(DRAFTER.template(LetterDrafter.Edition.SCOTTISH, name)).isEqualTo("scotland/" + name);
    }
  }

  @ParameterizedTest
  @EnumSource(LetterType.class)
  void foisaLetterUsesScottishLawAndRights(LetterType type) {
    String text = scottishLetter(type, LetterCases.scottishCaseFor(type));
    assertContains(text, "Freedom of Information (Scotland) Act 2002 (FOISA)");
    assertScottishRights(text, false);
    assertNoUkLaw(type, text);
  }

  @ParameterizedTest
  @EnumSource(LetterType.class)
  void eisrLetterUsesScottishLawAndRights(LetterType type) {
    Map<String, Object> eisr = new HashMap<>(LetterCases.scottishCaseFor(type));
    eisr.put("regime", "EISR");
    String text = scottishLetter(type, eisr);
    assertContains(text, "Environmental Information (Scotland) Regulations 2004 (the EISR)");
    assertScottishRights(text, true);
    assertNoUkLaw(type, text);
  }

  @Test
  void foisaNotHeldLetterIsTheNoticeOfSection17OfFoisa() {
    String text = scottishLetter(LetterType.NOT_HELD, LetterCases.scottishCaseFor(LetterType.NOT_HELD));
    assertContains(text, "This letter is our notice under section 17(1) of FOISA that we do not hold the information");
  }

  @Test
  void foisaCostRefusalCountsFifteenPoundsAnHourAgainstSixHundred() {
    Map<String, Object> ukRated = LetterCases.inScotland(LetterCases.costLimit());
    ukRated.put("hourlyRatePounds", 25);
    ukRated.put("costLimitPounds", 450);
    String text = scottishLetter(LetterType.REFUSAL_S12, ukRated);
    assertContains(text, "Estimated cost: 40.5 hours × £15 an hour = £607.50",
        "The limit: £600, which is 40 hours at £15 an hour", "section 16(4) of FOISA", "section 15 of FOISA");
    assertNotContains(text, "£25", "£450");
  }

  @Test
  void foisaCostRefusalUnderTheLimitClaimsNoExcess() {
    Map<String, Object> under = LetterCases.inScotland(LetterCases.costLimit());
    under.put("estimatedHours", 30);
    assertNotContains(scottishLetter(LetterType.REFUSAL_S12, under), "exceeds the limit by");
  }

  @Test
  void eisrCostRefusalIsManifestlyUnreasonableWithThePublicInterest() {
    Map<String, Object> eisr = LetterCases.inScotland(LetterCases.costLimit());
    eisr.put("regime", "EISR");
    assertContains(scottishLetter(LetterType.REFUSAL_S12, eisr), "manifestly unreasonable under regulation 10(4)(b)",
        "presumption in favour of disclosure in regulation 10(2)", "refusal notice under regulation 13 of the EISR");
  }

  @Test
  void foisaDelayLetterClaimsNoExtension() {
    String text = scottishLetter(LetterType.PUBLIC_INTEREST_EXTENSION, LetterCases.scottishCaseFor(
        LetterType.PUBLIC_INTEREST_EXTENSION));
    assertContains(text, "Delay in responding to your request", "FOISA does not allow us to extend that time",
        "that is by 30 November 2026", "We now expect to send you our response by 30 December 2026");
    assertNotContains(text, "section 10(3)", "public interest test", "Regulation 7", "regulation 7",
        "latest date", "Without this extension");
  }

  @Test
  void eisrExtensionLetterRelieOnRegulation7() {
    Map<String, Object> eisr = new HashMap<>(LetterCases.scottishCaseFor(LetterType.PUBLIC_INTEREST_EXTENSION));
    eisr.put("regime", "EISR");
    assertContains(scottishLetter(LetterType.PUBLIC_INTEREST_EXTENSION, eisr),
        "Extension of time to respond", "Regulation 7(1) of the EISR allows us to extend that period to 40 working days",
        "Without this extension our response would have been due by 30 November 2026");
  }

  @Test
  void foisaFeesNoticeSetsOutTheScottishFeesRegulations() {
    assertContains(scottishLetter(LetterType.FEES_NOTICE, LetterCases.scottishFees()),
        "fees notice under section 9 of FOISA",
        "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004",
        "no more than £15 an hour", "no charge for the first £100", "10% of the cost between £100 and £600",
        "within three months", "section 10(2)");
  }

  @Test
  void foisaNeitherConfirmNorDenyReliesOnSection18() {
    assertContains(scottishLetter(LetterType.NCND, LetterCases.scottishCaseFor(LetterType.NCND)),
        "Section 18(1) of FOISA", "refusal notice under section 16 of FOISA");
  }

  @Test
  void scottishConsultationOfAThirdPartyCitesTheSection60Code() {
    String text = DRAFTER.draftToOthers("third-party-consultation",
        CaseLetter.from(LetterCases.inScotland(LetterCases.section43RefusalAfterConsultation())),
        LetterCases.consultationAbout()).text();
    assertContains(text, "Freedom of Information (Scotland) Act 2002 (FOISA)", "section 60 of FOISA",
        "Section 33(1)(b) of FOISA", "prejudice substantially");
    assertNotContains(text, UK_WORDS);
    assertNotContains(text, "section 45", "Section 43", "Sam Citizen");
  }

  @ParameterizedTest
  @EnumSource(value = LetterType.class, names = {"REFUSAL_NOTICE", "REFUSAL_S12", "PUBLIC_INTEREST_EXTENSION"})
  void scottishLetterPrintsAsPdf(LetterType type) {
    DraftedLetter letter = DRAFTER.draft(type, CaseLetter.from(LetterCases.scottishCaseFor(type)));
    byte[] pdf = new PdfCopies(DRAFTER).of(letter.html());
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void scottishEditedLetterIsOnTheLetterhead() {
    DraftedLetter edited = DRAFTER.fromEditedMarkdown(CaseLetter.from(LetterCases.foisaSection35Refusal()),
        "# Refusal notice\n\nWe rely on section 35 of FOISA.");
    assertNoPlaceholders(edited);
    assertContains(edited.html(), "Example Council", "We rely on section 35 of FOISA.");
  }

  // --- review letters (section 21) ---------------------------------------------------------------------------

  static Stream<Arguments> reviewLetters() {
    List<Arguments> letters = new ArrayList<>();
    for (String regime : List.of("FOISA", "EISR")) {
      for (String outcome : List.of("UPHELD", "OVERTURNED_IN_PART", "OVERTURNED_IN_FULL")) {
        letters.add(Arguments.of(regime, "OUTCOME", outcome));
      }
      letters.add(Arguments.of(regime, "EXTENSION", null));
      letters.add(Arguments.of(regime, "LATE_DECLINED", null));
    }
    return letters.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("reviewLetters")
  void scottishReviewLetterUsesScottishLaw(String regime, String kind, String outcome) {
    Map<String, Object> variables = LetterCases.foisaSection35Refusal();
    variables.put("regime", regime);
    DraftedLetter letter = reviewLetter(variables, kind, outcome);
    assertNoPlaceholders(letter);
    assertContains(letter.html(), "<h2>Applying to the Scottish Information Commissioner</h2>");
    String text = letter.text();
    if (System.getProperty("letters.dump") != null) {
      dump(regime + "-review-" + kind + "-" + outcome, text);
    }
    assertNotContains(text, UK_WORDS);
    assertNotContains(text, "Code of Practice issued under section 45", "regulation 11", "By email");
    assertContains(text, "EISR".equals(regime) ? "Environmental Information (Scotland) Regulations 2004 (the EISR)"
        : "Freedom of Information (Scotland) Act 2002 (FOISA)", "Scottish Information Commissioner",
        "Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS", "www.foi.scot/appeal", "01334 464610");
    switch (kind) {
      case "OUTCOME" -> assertContains(text, "within six months of receiving this letter (section 47(4)(b))",
          "Court of Session, on a point of law only (section 56 of FOISA)");
      case "EXTENSION" -> assertContains(text, "allows no extension of that time",
          "does not claim an extension", "once the 20 working days have passed, you can apply to the Scottish "
          + "Information Commissioner", "within six months of the end of those 20 working days");
      default -> assertContains(text, "only after a review", "40 working days of receiving our response");
    }
  }

  @Test
  void foisaReviewOutcomesAreThoseOfSection21() {
    Map<String, Object> variables = LetterCases.foisaSection35Refusal();
    assertContains(reviewLetter(variables, "OUTCOME", "UPHELD").text(),
        "confirmed our original decision without modification (section 21(4)(a) of FOISA)");
    assertContains(reviewLetter(variables, "OUTCOME", "OVERTURNED_IN_PART").text(),
        "confirmed our original decision with modifications (section 21(4)(a) of FOISA)");
    assertContains(reviewLetter(variables, "OUTCOME", "OVERTURNED_IN_FULL").text(),
        "substituted a different decision for our original one (section 21(4)(b) of FOISA)");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private static String scottishLetter(LetterType type, Map<String, Object> variables) {
    DraftedLetter letter = DRAFTER.draft(type, CaseLetter.from(variables));
    assertNoPlaceholders(letter);
    if (System.getProperty("letters.dump") != null) {
      dump(variables.get("regime") + "-" + type.templateName(), letter.text());
    }
    return letter.text();
  }

  private static void dump(String name, String text) {
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("letters.dump"), name + ".txt"), text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertScottishRights(String text, boolean eisr) {
    assertContains(text, "within 40 working days of receiving", "20 working days", "Scottish Information Commissioner",
        "Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS", "www.foi.scot/appeal", "01334 464610",
        "six months", "section 47(4)(b)", "Court of Session, on a point of law only (section 56 of FOISA)");
    if (eisr) {
      assertContains(text, "regulation 16 of the EISR", "regulation 16(4) of the EISR", "regulation 17 of the EISR");
    } else {
      assertContains(text, "section 20(5) of FOISA", "section 21(1) of FOISA");
    }
  }

  /** No UK law; the not-held letter's own notice is section 17(1) of FOISA, the only "section 17" it may cite. */
  private static void assertNoUkLaw(LetterType type, String text) {
    String checked = type == LetterType.NOT_HELD ? text.replace("section 17(1) of FOISA", "") : text;
    assertNotContains(checked, UK_WORDS);
    assertNotContains(checked, "the EIR)", "Information Commissioner for a decision under section 50");
  }

  /** The review letter as ReviewLetters drafts it: the case's first edition of internal-review.txt, on the letterhead. */
  private static DraftedLetter reviewLetter(Map<String, Object> variables, String kind, String outcome) {
    CaseLetter letter = CaseLetter.from(variables);
    Map<String, Object> model = new HashMap<>();
    model.put("letter", letter);
    model.put("authority", LetterCases.scottishAuthority());
    model.put("today", "20 November 2026");
    model.put("eir", letter.eir());
    model.put("kind", kind);
    model.put("addressLines", LetterFormats.INSTANCE.addressLines(letter.requesterAddress()));
    model.put("review", new ReviewLetters.Facts("16 October 2026", "25 September 2026",
        "LATE_DECLINED".equals(kind) ? 52 : 15, "13 November 2026", false, outcome, null,
        List.of("We looked again at the operating procedures and at the reasons you gave for asking for a review.",
            "Most of the procedures would still help someone avoid the cameras, but the section on how complaints "
                + "about the cameras are handled would not, and should have been released."),
        "OVERTURNED_IN_PART".equals(outcome) || "OVERTURNED_IN_FULL".equals(outcome)
            ? List.of("Section 9 of the procedures, on handling complaints, which we attach.") : List.of(),
        "OVERTURNED_IN_PART".equals(outcome)
            ? List.of("The rest of the procedures, under section 35(1)(a) and (b) of FOISA.") : List.of(),
        List.of("The officer who must carry out the review is away until 30 November 2026."),
        List.of("You asked for a review more than three months after our response, and gave no reason for the delay."),
        java.time.LocalDate.of(2027, 5, 20), "20 May 2027", null));
    String template = DRAFTER.template(DRAFTER.editions(letter).get(0), ReviewLetters.TEMPLATE);
    assertThat(template).isEqualTo("scotland/" + ReviewLetters.TEMPLATE);
    return DRAFTER.fromEditedText(letter, TEMPLATES.render(template, model));
  }
}
