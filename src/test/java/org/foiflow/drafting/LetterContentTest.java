package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foiflow.drafting.LetterAssertions.assertContains;
import static org.foiflow.drafting.LetterAssertions.assertNoPlaceholders;
import static org.foiflow.drafting.LetterAssertions.assertNotContains;
import static org.foiflow.drafting.LetterAssertions.assertRightsParagraphs;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each letter must say, read from its plain text (the version the approver reads). */
class LetterContentTest {

  private static LetterDrafter drafter;
  private static final Map<LetterType, DraftedLetter> LETTERS = new EnumMap<>(LetterType.class);

  @BeforeAll
  static void draftEveryType() {
    drafter = LetterCases.drafter();
    for (LetterType type : LetterType.values()) {
      LETTERS.put(type, drafter.draft(type, CaseLetter.from(LetterCases.caseFor(type))));
    }
  }

  private static String text(LetterType type) {
    return LETTERS.get(type).text();
  }

  private static String draftText(LetterType type, Map<String, Object> variables) {
    DraftedLetter letter = drafter.draft(type, CaseLetter.from(variables));
    assertNoPlaceholders(letter);
    return letter.text();
  }

  @ParameterizedTest
  @EnumSource(LetterType.class)
  void everyLetterIsCompleteAndAddressed(LetterType type) {
    DraftedLetter letter = LETTERS.get(type);
    CaseLetter data = CaseLetter.from(LetterCases.caseFor(type));
    assertNoPlaceholders(letter);
    assertContains(letter.text(), data.reference(), "Date: 20 November 2026", "Dear " + data.requesterName(),
        "Yours sincerely", "Jordan Ellis", "Information Governance Manager");
    assertContains(letter.text(), "which we received on " + LetterFormats.INSTANCE.date(data.receivedOn()));
    assertRightsParagraphs(letter.text(), false);
    assertThat(letter.html()).contains("Example Borough Council", "Town Hall", data.reference());
    assertThat(new String(new PdfCopies(drafter).of(letter.html()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @ParameterizedTest
  @EnumSource(LetterType.class)
  void everyLetterHasAnEirVersion(LetterType type) {
    Map<String, Object> variables = type == LetterType.REFUSAL_NOTICE ? LetterCases.eirRefusal()
        : LetterCases.caseFor(type);
    variables.put("regime", "EIR");
    String text = draftText(type, variables);
    assertRightsParagraphs(text, true);
    assertNotContains(text, "internal review", "section 16 of the Act", "section 17 of the Act");
  }

  @Test
  void refusalNoticeExplainsTheSection31HarmAndPublicInterest() {
    String text = text(LetterType.REFUSAL_NOTICE);
    assertContains(text,
        "This letter is our refusal notice under section 17 of the Act",
        "The information we are withholding is the CCTV control room operating procedures (version 6, March 2026), in full.",
        "- Section 31 – Law enforcement",
        "Section 31 – Law enforcement\n----",
        "Harm\n----",
        "The procedures show which cameras are monitored live at which times",
        "Someone planning an offence in the town centre could use that detail",
        "disclosure would be likely to prejudice law enforcement",
        "Factors favouring disclosure\n----",
        "- Transparency about how public space surveillance is run and supervised.",
        "- Reassurance that the council's use of CCTV is proportionate and respects privacy.",
        "- Accountability for the public money spent on the control room.",
        "Factors favouring non-disclosure\n----",
        "- Keeping the control room effective in preventing and detecting crime in the town centre.",
        "- Avoiding any help to people who want to avoid being seen or identified.",
        "- The council already publishes its CCTV policy, code of practice and annual review",
        "Balancing test\n----",
        "It is not the same as what the public may find interesting",
        "section 2(2)(b) of the Act",
        "The operating procedures add practical detail whose main value would be to someone trying to avoid the cameras.",
        "the public interest in maintaining the exemption outweighs the public interest in disclosure");
    assertNotContains(text, "would prejudice law enforcement", "neither confirm nor deny", "absolute exemption");
  }

  @Test
  void aNeitherConfirmNorDenyLetterNeverSaysAThirdPartyWasConsulted() {
    Map<String, Object> variables = LetterCases.ncnd();
    variables.put("consultations", LetterCases.section43RefusalAfterConsultation().get("consultations"));
    String text = draftText(LetterType.REFUSAL_NOTICE, variables);
    // saying we consulted someone about the information would confirm that it exists
    org.assertj.core.api.Assertions.assertThat(text).contains("neither confirm nor deny")
        .doesNotContain("consulted").doesNotContain("Acme");
    String refusal = draftText(LetterType.REFUSAL_NOTICE, LetterCases.section43RefusalAfterConsultation());
    org.assertj.core.api.Assertions.assertThat(refusal).contains("we consulted a third party").doesNotContain("Acme");
  }

  @Test
  void harmLikelihoodWouldIsWordedAsMoreProbableThanNot() {
    Map<String, Object> variables = LetterCases.section31Refusal();
    @SuppressWarnings("unchecked")
    Map<String, Object> harm = (Map<String, Object>) ((Map<String, Object>) variables.get("harmTests")).get("s31");
    harm.put("likelihood", "WOULD");
    String text = draftText(LetterType.REFUSAL_NOTICE, variables);
    assertContains(text, "disclosure would prejudice law enforcement", "more probable than not");
    assertNotContains(text, "would be likely to prejudice law enforcement");
  }

  @Test
  void partialDisclosureCitesEveryExemptionWithItsOwnTests() {
    String text = text(LetterType.PARTIAL_DISCLOSURE);
    assertContains(text,
        "The information we hold\n----",
        "The leisure management contract, with its schedules, including the pricing schedule.",
        "We are releasing the information described above, except the information described under the next heading",
        "the contractor's pricing schedule, and two paragraphs of the briefing notes",
        "- Section 40(2) – Personal data of third parties",
        "- Section 43(2) – Prejudice to commercial interests",
        "- Section 36(2)(b)(i) – Prejudice to effective conduct of public affairs",
        "We rely on section 36(2)(b)(i), the free and frank provision of advice.",
        // s.40(2): absolute, so no public interest test
        "Section 40(2) is an absolute exemption", "No public interest test is required",
        // s.43(2): prejudice-based and qualified, harm "would"
        "Competitors bidding against the contractor", "disclosure would prejudice commercial interests",
        "- Value for money in a contract worth £2.4 million a year.",
        "- Protecting the council's position at the 2027 contract review.",
        "The contract value and the evaluation scores are released",
        // s.36: the qualified person's opinion
        "The qualified person's opinion", "Chris Doyle, Monitoring Officer", "10 November 2026",
        "would be likely to inhibit the free and frank provision of advice (section 36(2)(b)(i))",
        "We are satisfied that this opinion is a reasonable one",
        "disclosure would be likely to inhibit the free and frank provision of advice",
        "We may rely on section 36(2)(b)(i) only if",
        "- Safe space for officers to give frank advice before the review.",
        "The review has not yet taken place and the options remain live.");
    // each exemption's own balancing test, and none for the absolute one
    assertThat(text.split("Balancing test\n", -1)).hasSize(3);
    assertThat(text.split("Factors favouring disclosure\n", -1)).hasSize(3);
  }

  @Test
  void eirRefusalUsesExceptionsRegulation12AndTheReconsideration() {
    String text = draftText(LetterType.REFUSAL_NOTICE, LetterCases.eirRefusal());
    assertContains(text,
        "Environmental Information Regulations 2004 (the EIR)",
        "refusal notice under regulation 14 of the EIR",
        "presumption in favour of disclosure in regulation 12(2)",
        "We rely on the following exceptions:",
        "- Regulation 12(5)(b) – The course of justice and inquiries",
        "- Regulation 13 – Personal data",
        "disclosure would adversely affect the course of justice",
        "regulation 12(1)(b) allows us to rely on regulation 12(5)(b) only if",
        "the public interest in maintaining the exception outweighs",
        "regulation 13 does not ask us to weigh the public interest",
        "Your right to ask us to reconsider",
        "representations to us under regulation 11",
        "as applied to environmental information by regulation 18");
    assertRightsParagraphs(text, true);
    assertNotContains(text, "exemptions", "section 17", "internal review", "prejudice");
  }

  @Test
  void ncndLetterNeitherConfirmsNorDenies() {
    String text = text(LetterType.NCND);
    assertContains(text,
        "Section 1(1)(a) of the Act normally entitles you to be told whether we hold the information",
        "We therefore neither confirm nor deny whether we hold the information.",
        "Please do not read this response as a sign that the information does, or does not, exist.",
        "- Section 31(3) – Law enforcement",
        "- Section 40(5B) – Personal data of third parties",
        "confirming or denying whether we hold the information would be likely to prejudice law enforcement",
        "A trader who knows about an investigation can move or destroy evidence.",
        "Factors favouring confirming or denying",
        "Factors favouring neither confirming nor denying",
        "- Investigations must be able to proceed without tipping off their subjects.",
        "maintaining the exclusion of the duty to confirm or deny outweighs",
        "Section 40(5B) is an absolute exemption");
    assertNotContains(text, "We hold information", "we are withholding", "The information we are withholding");
  }

  @Test
  void refusalNoticeWithNcndScopeUsesTheNcndWording() {
    String text = draftText(LetterType.REFUSAL_NOTICE, LetterCases.ncnd());
    assertContains(text, "neither confirm nor deny whether we hold the information", "Section 31(3) – Law enforcement",
        "Section 1(1)(a) of the Act", "This letter is our refusal notice under section 17 of the Act.");
    assertNotContains(text, "We hold information that falls within your request");
  }

  @Test
  void eirNcndCitesRegulation12_6() {
    Map<String, Object> variables = LetterCases.ncnd();
    variables.put("regime", "EIR");
    variables.put("engagedExemptions", java.util.List.of(LetterCases.exemption("eir-12-5-a", "Regulation 12(5)(a)",
        "International relations, defence, national security or public safety", false, true, true)));
    variables.put("harmTests", Map.of("eir-12-5-a", LetterCases.harm("Harm.", "Link.", "WOULD")));
    variables.put("publicInterestTests", Map.of());
    String text = draftText(LetterType.NCND, variables);
    assertContains(text, "Regulation 12(6) of the EIR", "- Regulation 12(6) – International relations",
        "would adversely affect international relations, defence, national security or public safety");
  }

  @Test
  void costLimitLetterShowsTheArithmeticAndHowToNarrow() {
    String text = text(LetterType.REFUSAL_S12);
    assertContains(text,
        "Section 12 of the Act means that we are not obliged to comply",
        "refusal notice under section 17(5) of the Act",
        "£25 an hour",
        "- Estimated time: 40.5 hours",
        "- Estimated cost: 40.5 hours × £25 an hour = £1,012.50",
        "- Appropriate limit: £450, which is 18 hours at £25 an hour",
        "Our estimate exceeds the limit by £562.50.",
        "How you could narrow your request",
        "section 16 of the Act",
        "cover a shorter period",
        "the 20 working days will start again");
  }

  @Test
  void costLimitLetterExplainsTheAggregatedRequests() {
    Map<String, Object> variables = LetterCases.costLimit();
    variables.put("estimatedHours", 10);
    variables.put("aggregatedHours", 12.5);
    variables.put("aggregatedRequests", List.of(
        Map.of("reference", "FOI-2026-00012", "subject", "Parking fines 2024", "receivedOn", "2026-03-03",
            "estimatedHours", 6),
        Map.of("reference", "FOI-2026-00019", "subject", "Parking fines 2025", "receivedOn", "2026-04-14",
            "estimatedHours", 6.5)));
    String text = draftText(LetterType.REFUSAL_S12, variables);
    assertContains(text,
        "Your requests taken together",
        "regulation 5",
        "within any period of 60 consecutive working days",
        "appear to be acting together",
        "- FOI-2026-00012, received 3 March 2026 (Parking fines 2024): estimated at 6 hours",
        "- FOI-2026-00019, received 14 April 2026 (Parking fines 2025): estimated at 6.5 hours",
        "Taken together with this request (10 hours), we estimate 22.5 hours of work, which at £25 an hour is"
            + " £562.50, against the appropriate limit of £450.",
        "Our estimate exceeds the limit by £112.50.",
        "section 16 of the Act");
    assertNotContains(text(LetterType.REFUSAL_S12), "Your requests taken together", "regulation 5");
  }

  @Test
  void repeatedRequestLetterNamesTheEarlierRequestAndWhenItWasAnswered() {
    Map<String, Object> repeated = LetterCases.vexatious();
    repeated.put("repeatedRequest", true);
    repeated.put("repeatOf", "FOI-2026-00003");
    repeated.put("repeatOfReceivedOn", "2026-03-02");
    repeated.put("repeatOfAnsweredOn", "2026-03-27");
    String text = draftText(LetterType.REFUSAL_S14, repeated);
    assertContains(text, "Section 14(2) of the Act",
        "Your earlier request, our reference FOI-2026-00003, which we received on 2 March 2026, was answered on"
            + " 27 March 2026. We do not consider that a reasonable interval has passed since we answered it");
  }

  @Test
  void costLimitLetterUnderTheEirIsManifestlyUnreasonable() {
    Map<String, Object> variables = LetterCases.costLimit();
    variables.put("regime", "EIR");
    String text = draftText(LetterType.REFUSAL_S12, variables);
    assertContains(text, "manifestly unreasonable under regulation 12(4)(b)", "The EIR have no fixed cost limit",
        "presumption in favour of disclosure in regulation 12(2)", "regulation 9 of the EIR");
    assertNotContains(text, "Section 12 of the Act");
  }

  @Test
  void vexatiousLetterGivesTheRecordedReasons() {
    String text = text(LetterType.REFUSAL_S14);
    assertContains(text, "concluded that it is vexatious", "Section 14(1) of the Act",
        "This decision is about the request, not about you.",
        "This is your 38th request this year about the same complaint",
        "it would not take the complaint any further.", "section 17(6)");
    Map<String, Object> repeated = LetterCases.vexatious();
    repeated.put("repeatedRequest", "true");
    String repeatedText = draftText(LetterType.REFUSAL_S14, repeated);
    assertContains(repeatedText, "Section 14(2) of the Act", "substantially similar to an earlier request");
    assertNotContains(repeatedText, "Section 14(1)");
  }

  @Test
  void clarificationLetterAsksTheQuestionAndRestartsTheClock() {
    String text = text(LetterType.CLARIFICATION_REQUEST);
    assertContains(text,
        "Section 1(3) of the Freedom of Information Act 2000",
        "Which roads or areas are you interested in, and for what period?",
        "Do you mean accident statistics, safety audits of new schemes, or reports to councillors?",
        "section 16 of the Act",
        "the 20 working days we have to respond start again from the day we receive it (section 10(6) of the Act)");
  }

  @Test
  void acknowledgementGivesReferenceReceivedAndDueDates() {
    String text = text(LetterType.ACKNOWLEDGEMENT);
    assertContains(text,
        "- Our reference: FOI-2026-00070",
        "- Date we received your request: 2 November 2026",
        "- Date by which we must respond: 30 November 2026",
        "within 20 working days of receiving a request (section 10(1) of the Act)",
        "If you are unhappy with how we are handling your request");
  }

  @Test
  void feesNoticeGivesTheAmountAndTheThreeMonths() {
    String text = text(LetterType.FEES_NOTICE);
    assertContains(text, "fees notice under section 9", "The fee is £37.60.",
        "- Printing 312 pages at 10p a page: £31.20", "- Second class postage: £6.40",
        "within three months", "section 10(2)");
    // no email address: the addressee block shows the postal address only
    assertNotContains(text, "By email");
  }

  @Test
  void notHeldLetterConfirmsNothingIsHeldAndWhereWeLooked() {
    String text = text(LetterType.NOT_HELD);
    assertContains(text, "we can confirm that we do not hold it", "Where we looked",
        "We checked the fleet register and the insurance records", "The council does not own or hire drones.");
  }

  @Test
  void fullDisclosureGivesTheInformation() {
    String text = text(LetterType.FULL_DISCLOSURE);
    assertContains(text, "we are pleased to provide all of it", "In 2025 we repaired 4,312 potholes.",
        "The cost of those repairs was £612,450", "Open Government Licence");
    assertNotContains(text, "withhold", "exemption");
  }

  @Test
  void extensionNoticeNamesTheExemptionsAndTheNewDate() {
    String text = text(LetterType.PUBLIC_INTEREST_EXTENSION);
    assertContains(text,
        "We have not yet reached a decision.",
        "Section 10(3) of the Act", "section 17(2)",
        "- Section 43(2) – Prejudice to commercial interests",
        "- Section 36 – Prejudice to effective conduct of public affairs",
        "The contractor has asked to make representations",
        "We now expect to send you our response by 30 December 2026.",
        "would have been due by 30 November 2026");
    Map<String, Object> eir = LetterCases.extension();
    eir.put("regime", "EIR");
    assertContains(draftText(LetterType.PUBLIC_INTEREST_EXTENSION, eir), "Regulation 7(1) of the EIR",
        "40 working days");
  }

  @Test
  void sarSignpostPointsToArticle15() {
    String text = text(LetterType.SAR_SIGNPOST);
    assertContains(text, "Article 15 of the UK General Data Protection Regulation", "Data Protection Act 2018",
        "subject access request", "section 40(1), an absolute exemption", "within one month");
  }

  @Test
  void clarifiedRequestIsQuotedAsClarified() {
    Map<String, Object> variables = LetterCases.acknowledgement();
    variables.put("clarifiedRequest", "Potholes repaired on A-roads only, January to December 2025.");
    variables.put("clarificationReceivedOn", "2026-11-09");
    String text = draftText(LetterType.FULL_DISCLOSURE, variables);
    assertContains(text, "and for the clarification you sent us on 9 November 2026",
        "> Potholes repaired on A-roads only, January to December 2025.");
  }

  @Test
  void lettersWithMissingDataStillReadCleanly() {
    Map<String, Object> bare = new java.util.HashMap<>();
    bare.put("reference", "FOI-2026-00999");
    bare.put("requesterName", null);
    for (LetterType type : LetterType.values()) {
      DraftedLetter letter = drafter.draft(type, CaseLetter.from(bare));
      assertNoPlaceholders(letter);
      assertContains(letter.text(), "Dear Sir or Madam", "Yours faithfully", "FOI-2026-00999");
    }
  }

  // Issue 15: defects a requester or the Information Commissioner would notice in the walk-through's s.31 part
  // disclosure, one test each.

  private static String section31Part() {
    return draftText(LetterType.PARTIAL_DISCLOSURE, LetterCases.section31PartialDisclosure());
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start + 1);
    assertThat(start).as("\"" + from + "\" in\n" + text).isNotNegative();
    assertThat(end).as("\"" + to + "\" after \"" + from + "\" in\n" + text).isPositive();
    return text.substring(start, end);
  }

  @Test
  void aTheReleasedPartDoesNotRepeatWhatIsHeld() {
    String text = section31Part();
    String releasing = between(text, "The information we are releasing", "The information we are withholding");
    assertNotContains(releasing, "Identification procedures", "including section 5");
    assertContains(between(text, "The information we are withholding", "Our reasons"),
        "Section 5 of the policy, Identification procedures.");
  }

  @Test
  void bTheExemptionIsCitedWithItsSubsections() {
    String text = section31Part();
    assertContains(text,
        "- Sections 31(1)(a) and 31(1)(b) – Law enforcement",
        "Sections 31(1)(a) and 31(1)(b) – Law enforcement\n----",
        "We rely on section 31(1)(a), the prevention or detection of crime, and section 31(1)(b), the "
            + "apprehension or prosecution of offenders.",
        "disclosure would be likely to prejudice the prevention or detection of crime and the apprehension or "
            + "prosecution of offenders.",
        "We may rely on sections 31(1)(a) and 31(1)(b) only if");
    assertNotContains(text, "Section 31 – Law enforcement");
  }

  @Test
  void cTheOfficersReasonsAreGivenUnderTheExemption() {
    String text = section31Part();
    assertContains(between(text, "Law enforcement\n----", "Harm\n----"),
        "Section 5 sets out, step by step, how operators follow and record a suspect for the police.");
  }

  @Test
  void aPostedLetterDoesNotSayByEmail() {
    String text = section31Part();
    assertNotContains(text, "By email");
    assertContains(text, "sam.citizen@example.org");
  }

  @Test
  void eTheSignatoryLineAppearsOnce() {
    // As application.yaml configured it: the role given as the name too.
    AuthorityProfile configured = new AuthorityProfile("Example Borough Council", List.of("Town Hall"),
        "foi@example.gov.uk", null, null, "Information Governance Manager", "Information Governance Manager", null);
    LetterDrafter withRoleAsName = new LetterDrafter(configured,
        new LetterSettings("file:letters/", java.time.Duration.ZERO), java.time.Clock.systemUTC());
    String text = withRoleAsName.draft(LetterType.PARTIAL_DISCLOSURE,
        CaseLetter.from(LetterCases.section31PartialDisclosure())).text();
    String signoff = text.substring(text.lastIndexOf("Yours sincerely"));
    assertThat(signoff.split("Information Governance Manager", -1)).as(signoff).hasSize(2);
  }

  @Test
  void fAnExemptionHeadingIsKeptOnThePageWithItsText() {
    DraftedLetter letter = drafter.draft(LetterType.PARTIAL_DISCLOSURE,
        CaseLetter.from(LetterCases.section31PartialDisclosure()));
    Document html = Jsoup.parse(letter.html());
    Elements headings = html.select("main h3, main h4, body h3, body h4");
    assertThat(headings).isNotEmpty();
    for (Element heading : headings) {
      Element block = heading.parent();
      assertThat(block.hasClass("keep-together")).as("kept with its text: " + heading.outerHtml()).isTrue();
      assertThat(heading.nextElementSibling()).as("text after " + heading.text() + " in the same block").isNotNull();
    }
    String style = html.select("style").html();
    assertContains(style, "page-break-inside: avoid", "h2 { font-size: 12pt; color: #1f4e5f; margin: 6mm 0 2mm 0; page-break-after: avoid; }");
  }

  /**
   * The PDF itself: whatever the length of the request (which moves everything below it down the page), no page
   * ends with an exemption's heading or one of its subheadings.
   */
  @Test
  void fNoPageOfThePdfEndsWithAHeading() throws Exception {
    PdfCopies pdfs = new PdfCopies(drafter);
    for (int padding = 0; padding < 30; padding += 3) {
      Map<String, Object> variables = LetterCases.section31PartialDisclosure();
      variables.put("requestText", variables.get("requestText") + "\n" + "Please include any annex.\n".repeat(padding));
      DraftedLetter letter = drafter.draft(LetterType.PARTIAL_DISCLOSURE, CaseLetter.from(variables));
      Set<String> headings = new HashSet<>(
          Jsoup.parse(letter.html()).select("h2, h3, h4").eachText());
      try (PDDocument pdf = Loader.loadPDF(pdfs.of(letter.html()))) {
        for (int page = 1; page < pdf.getNumberOfPages(); page++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          List<String> lines = Arrays.stream(stripper.getText(pdf).split("\\R"))
              .map(String::strip).filter(line -> !line.isEmpty() && !line.contains(" · Page ")).toList();
          String last = lines.get(lines.size() - 1);
          assertThat(headings).as("page %d of %d ends with \"%s\" (request padded by %d lines)", page,
              pdf.getNumberOfPages(), last, padding).doesNotContain(last);
        }
      }
    }
  }
}
