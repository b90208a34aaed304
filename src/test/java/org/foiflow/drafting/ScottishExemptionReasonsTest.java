package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reasons a letter gives for a FOISA exemption or an EISR exception (letters/scotland/exemptions.html):
 * section numbers of the Scottish Act, substantial prejudice, the public interest test of section 2(1)(b) of FOISA
 * or regulation 10(1)(b) of the EISR, and section 18(1) when the letter neither confirms nor denies. Until the
 * Scottish letters have their own templates, the UK ones hand the reasons of a Scottish case to these fragments.
 */
class ScottishExemptionReasonsTest {

  private static Map<String, Object> engaged(String code, String section, String title, String regime,
                                             boolean absolute, boolean prejudiceBased, boolean ncndAvailable) {
    Map<String, Object> e = LetterCases.exemption(code, section, title, absolute, prejudiceBased, ncndAvailable);
    e.put("regime", regime);
    return e;
  }

  /** Advice to the council's leader on closing a library, withheld under s.30(b)(i) of FOISA. */
  static Map<String, Object> section30Refusal() {
    Map<String, Object> v = LetterCases.base();
    v.put("regime", "FOISA");
    v.put("subject", "Advice on the future of Leith Library");
    v.put("requestText", "Please send me the advice officers gave the council leader on closing Leith Library.");
    v.put("disclosureScope", "WITHHOLD");
    v.put("exemptions", new ArrayList<>(List.of("foisa-s30")));
    v.put("exemptionSubsections", new ArrayList<>(List.of("foisa-s30-b-i")));
    v.put("engagedExemptions", new ArrayList<>(List.of(engaged("foisa-s30", "Section 30",
        "Prejudice to effective conduct of public affairs", "FOISA", false, true, true))));
    v.put("harmTests", new LinkedHashMap<>(Map.of("foisa-s30", LetterCases.harm(
        "Officers set out the options for the library candidly, including the weaknesses of each.",
        "If such advice were released while the decision is still to be made, officers would write less frankly.",
        "WOULD_BE_LIKELY"))));
    v.put("publicInterestTests", new LinkedHashMap<>(Map.of("foisa-s30", LetterCases.publicInterest(
        "Openness about a decision that affects a community.",
        "Officers must be able to give candid advice while options are being considered.",
        "The decision is still open and the options will be published with the committee report."))));
    return v;
  }

  static Map<String, Object> courseOfJusticeRefusal() {
    Map<String, Object> v = LetterCases.base();
    v.put("regime", "EISR");
    v.put("subject", "Enforcement notice at the old quarry");
    v.put("requestText", "Please send me the evidence behind the enforcement notice served on the old quarry.");
    v.put("disclosureScope", "WITHHOLD");
    v.put("exemptions", new ArrayList<>(List.of("eisr-10-5-b")));
    v.put("engagedExemptions", new ArrayList<>(List.of(engaged("eisr-10-5-b", "Regulation 10(5)(b)",
        "The course of justice and inquiries", "EISR", false, true, false))));
    v.put("harmTests", new LinkedHashMap<>(Map.of("eisr-10-5-b", LetterCases.harm(
        "The evidence is before the sheriff in an appeal against the notice.",
        "Publishing it now would let it be argued about outside the court before the sheriff has heard it.",
        "WOULD"))));
    v.put("publicInterestTests", new LinkedHashMap<>(Map.of("eisr-10-5-b", LetterCases.publicInterest(
        "The public's interest in how a quarry near homes is regulated.",
        "The appeal must be decided fairly, on the evidence put before the court.",
        "The evidence will be public once the appeal is heard."))));
    return v;
  }

  private static String refusal(Map<String, Object> variables) {
    return LetterCases.drafter().draft(LetterType.REFUSAL_NOTICE, CaseLetter.from(variables)).text();
  }

  @Test
  void aFoisaSection30RefusalGivesTheScottishReasons() {
    String letter = refusal(section30Refusal());

    assertThat(letter)
        .contains("Section 30(b)(i) – Prejudice to effective conduct of public affairs")
        .contains("Section 30(b)(i) of FOISA applies where disclosure would, or would be likely to, inhibit "
            + "substantially the free and frank provision of advice")
        .contains("substantial prejudice")
        .contains("would be likely to inhibit substantially the free and frank provision of advice")
        .contains("(section 2(1)(b) of FOISA)")
        .doesNotContain("section 2(2)(b) of the Act", "adversely affect");
  }

  @Test
  void anEisrRegulation10_5_bRefusalWeighsThePresumptionInFavourOfDisclosure() {
    String letter = refusal(courseOfJusticeRefusal());

    assertThat(letter)
        .contains("Regulation 10(5)(b) – The course of justice and inquiries")
        .contains("Regulation 10(5)(b) of the EISR applies where making the information available would, or would "
            + "be likely to, prejudice substantially the course of justice")
        .contains("would prejudice substantially the course of justice")
        .contains("Regulation 10(2)(b) of the EISR requires us to apply a presumption in favour of disclosure")
        .doesNotContain("regulation 12(1)(b)", "adversely affect");
  }

  @Test
  void aFoisaLetterThatNeitherConfirmsNorDeniesRestsOnSection18() {
    Map<String, Object> v = section30Refusal();
    v.put("disclosureScope", "NCND");
    v.put("exemptions", new ArrayList<>(List.of("foisa-s35")));
    v.remove("exemptionSubsections");
    v.put("engagedExemptions", new ArrayList<>(List.of(engaged("foisa-s35", "Section 35", "Law enforcement",
        "FOISA", false, true, true))));
    v.put("harmTests", new LinkedHashMap<>(Map.of("foisa-s35", LetterCases.harm("Tipping off.",
        "Confirming would tell a suspect whether they are being looked at.", "WOULD_BE_LIKELY"))));
    v.put("publicInterestTests", new LinkedHashMap<>(Map.of("foisa-s35", LetterCases.publicInterest(
        "Openness.", "Protecting investigations.", "Investigations come first."))));

    String letter = LetterCases.drafter().draft(LetterType.NCND, CaseLetter.from(v)).text();

    assertThat(letter).contains("Section 18(1) – Law enforcement")
        .contains("Section 18(1) of FOISA allows us to refuse to reveal whether information exists or is held")
        .contains("contrary to the public interest");
  }

  @Test
  void aUkRefusalKeepsTheUkWording() {
    String letter = refusal(LetterCases.section31Refusal());

    assertThat(letter).contains("section 2(2)(b) of the Act").doesNotContain("FOISA", "substantial prejudice");
  }
}
