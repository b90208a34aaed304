package org.foiflow.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.assessment.CatalogueTitles.Subsection;
import org.foiflow.drafting.CaseLetter.Exemption;
import org.foiflow.drafting.CaseLetter.HarmTest;
import org.foiflow.drafting.CaseLetter.PublicInterestTest;
import org.foiflow.drafting.CaseLetter.QualifiedPersonOpinion;

/**
 * One engaged exemption as the letter explains it: the catalogue facts joined with the harm test, the public
 * interest test and (s.36) the qualified person's opinion recorded for it. The templates iterate these.
 */
public record ExemptionReasons(
    Exemption exemption,
    String heading,
    String ncndProvision,
    HarmTest harm,
    PublicInterestTest publicInterest,
    QualifiedPersonOpinion qualifiedPersonOpinion,
    List<String> factorsFor,
    List<String> factorsAgainst) {

  /**
   * The provisions that exclude the duty to confirm or deny, where they sit in another subsection than the
   * exemption itself (FOIA Part II; EIR reg 12(6) and 13(5A)).
   */
  private static final Map<String, String> NCND_PROVISIONS = Map.ofEntries(
      Map.entry("s22", "Section 22(2)"), Map.entry("s22a", "Section 22A(2)"), Map.entry("s23", "Section 23(5)"),
      Map.entry("s24", "Section 24(2)"), Map.entry("s26", "Section 26(3)"), Map.entry("s27", "Section 27(4)"),
      Map.entry("s28", "Section 28(3)"), Map.entry("s29", "Section 29(2)"), Map.entry("s30", "Section 30(3)"),
      Map.entry("s31", "Section 31(3)"), Map.entry("s32", "Section 32(3)"), Map.entry("s33", "Section 33(3)"),
      Map.entry("s34", "Section 34(2)"), Map.entry("s35", "Section 35(3)"), Map.entry("s36", "Section 36(3)"),
      Map.entry("s37", "Section 37(2)"), Map.entry("s38", "Section 38(2)"), Map.entry("s39", "Section 39(2)"),
      Map.entry("s40-1", "Section 40(5A)"), Map.entry("s40-2", "Section 40(5B)"),
      Map.entry("s41", "Section 41(2)"), Map.entry("s42", "Section 42(2)"), Map.entry("s43-2", "Section 43(3)"),
      Map.entry("s44", "Section 44(2)"), Map.entry("eir-12-5-a", "Regulation 12(6)"),
      Map.entry("eir-13", "Regulation 13(5A)"),
      // FOISA s.18(1): one provision for every exemption it covers (ss.28 to 35, 38, 39(1) and 41); the EISR's own
      Map.entry("foisa-s28", "Section 18(1)"), Map.entry("foisa-s29", "Section 18(1)"),
      Map.entry("foisa-s30", "Section 18(1)"), Map.entry("foisa-s31-1", "Section 18(1)"),
      Map.entry("foisa-s31-4", "Section 18(1)"), Map.entry("foisa-s32", "Section 18(1)"),
      Map.entry("foisa-s33-1-a", "Section 18(1)"), Map.entry("foisa-s33-1-b", "Section 18(1)"),
      Map.entry("foisa-s33-2", "Section 18(1)"), Map.entry("foisa-s34", "Section 18(1)"),
      Map.entry("foisa-s35", "Section 18(1)"), Map.entry("foisa-s38-1-a", "Section 18(1)"),
      Map.entry("foisa-s38-1-b", "Section 18(1)"), Map.entry("foisa-s38-1-c", "Section 18(1)"),
      Map.entry("foisa-s38-1-d", "Section 18(1)"), Map.entry("foisa-s39-1", "Section 18(1)"),
      Map.entry("foisa-s41", "Section 18(1)"),
      Map.entry("eisr-10-5-a", "Regulation 10(8)"), Map.entry("eisr-11", "Regulation 11(6)"));

  /**
   * What each prejudice-based exemption protects, to finish the sentence "disclosure would prejudice …".
   * Codes not listed fall back to the catalogue title.
   */
  private static final Map<String, String> PROTECTED_INTERESTS = Map.ofEntries(
      Map.entry("s22a", "the research programme or the interests of those taking part in it"),
      Map.entry("s26", "the defence of the British Islands or the capability of the armed forces"),
      Map.entry("s27", "relations between the United Kingdom and other states or international organisations"),
      Map.entry("s28", "relations between the administrations within the United Kingdom"),
      Map.entry("s29", "the economic or financial interests of the United Kingdom"),
      Map.entry("s31", "law enforcement"),
      Map.entry("s33", "our audit functions"),
      Map.entry("s36", "the effective conduct of public affairs"),
      Map.entry("s38", "the physical or mental health, or the safety, of any individual"),
      Map.entry("s43-2", "commercial interests"),
      Map.entry("eir-12-5-a", "international relations, defence, national security or public safety"),
      Map.entry("eir-12-5-b", "the course of justice"),
      Map.entry("eir-12-5-c", "intellectual property rights"),
      Map.entry("eir-12-5-d", "the confidentiality of our proceedings"),
      Map.entry("eir-12-5-e", "the confidentiality of commercial or industrial information"),
      Map.entry("eir-12-5-f", "the interests of the person who provided the information"),
      Map.entry("eir-12-5-g", "the protection of the environment"),
      Map.entry("foisa-s27-2", "the research programme or the interests of those taking part in it"),
      Map.entry("foisa-s28", "relations between any administration in the United Kingdom and any other such administration"),
      Map.entry("foisa-s30", "the effective conduct of public affairs"),
      Map.entry("foisa-s31-4", "the defence of the British Islands or of any colony, or the capability, effectiveness or security of the armed forces"),
      Map.entry("foisa-s32", "relations between the United Kingdom and other states or international organisations"),
      Map.entry("foisa-s33-1-b", "the commercial interests of any person"),
      Map.entry("foisa-s33-2", "the economic interests of the United Kingdom or of a part of it, or the financial interests of an administration in the United Kingdom"),
      Map.entry("foisa-s35", "law enforcement"),
      Map.entry("foisa-s39-1", "the physical or mental health, or the safety, of any individual"),
      Map.entry("foisa-s40", "our audit functions"),
      Map.entry("eisr-10-5-a", "international relations, defence, national security or public safety"),
      Map.entry("eisr-10-5-b", "the course of justice"),
      Map.entry("eisr-10-5-c", "intellectual property rights"),
      Map.entry("eisr-10-5-d", "the confidentiality of our proceedings"),
      Map.entry("eisr-10-5-e", "the confidentiality of commercial or industrial information"),
      Map.entry("eisr-10-5-f", "the interests of the person who provided the information"),
      Map.entry("eisr-10-5-g", "the protection of the environment"));

  static List<ExemptionReasons> of(CaseLetter data) {
    List<ExemptionReasons> reasons = new ArrayList<>();
    LetterFormats fmt = LetterFormats.INSTANCE;
    for (Exemption exemption : data.engagedExemptions()) {
      String code = exemption.code();
      PublicInterestTest pi = code == null ? null : data.publicInterestTests().get(code);
      reasons.add(new ExemptionReasons(
          exemption,
          exemption.title() == null ? citation(exemption) : citation(exemption) + " – " + exemption.title(),
          code == null ? exemption.section()
              : NCND_PROVISIONS.getOrDefault(code.toLowerCase(Locale.ROOT), exemption.section()),
          code == null ? null : data.harmTests().get(code),
          pi,
          "s36".equalsIgnoreCase(code) ? data.qualifiedPersonOpinion() : null,
          pi == null ? List.of() : fmt.points(pi.factorsFor()),
          pi == null ? List.of() : fmt.points(pi.factorsAgainst())));
    }
    return reasons;
  }

  /**
   * The section as cited: "Section 31", or with the subsections relied on "Section 31(1)(a)",
   * "Sections 31(1)(a) and 31(1)(b)".
   */
  static String citation(Exemption exemption) {
    List<Subsection> subsections = exemption.subsections();
    if (subsections.isEmpty()) {
      return exemption.section();
    }
    if (subsections.size() == 1) {
      return subsections.get(0).section();
    }
    List<String> numbers = subsections.stream().map(s -> s.section().replaceFirst("^\\S+\\s+", "")).toList();
    return "Sections " + LetterFormats.INSTANCE.joinAnd(numbers);
  }

  /** The section as cited at the start of a sentence: "Section 30(b)(i)", "Sections 35(1)(a) and 35(1)(b)". */
  public String cited() {
    return citation(exemption);
  }

  public String code() {
    return exemption.code() == null ? "" : exemption.code();
  }

  public String section() {
    return exemption.section();
  }

  public String title() {
    return exemption.title();
  }

  public boolean absolute() {
    return exemption.absolute();
  }

  /** Qualified exemptions (and every EIR exception but reg 13) need the public interest test. */
  public boolean qualified() {
    return !exemption.absolute();
  }

  public boolean prejudiceBased() {
    return exemption.prejudiceBased();
  }

  public boolean eir() {
    return exemption.eir();
  }

  /** "Section 31(3) – Law enforcement": the heading when the letter neither confirms nor denies. */
  public String ncndHeading() {
    return exemption.title() == null ? ncndProvision : ncndProvision + " – " + exemption.title();
  }

  /** The title to continue a sentence: "…falling within section 23 (information supplied by …)". */
  public String subject() {
    return exemption.title() == null ? "the interests it protects" : LetterFormats.INSTANCE.lowerFirst(exemption.title());
  }

  /** The section in the middle of a sentence: "section 31", "sections 31(1)(a) and 31(1)(b)", "regulation 12(5)(b)". */
  public String sectionInSentence() {
    return LetterFormats.INSTANCE.lowerFirst(citation(exemption));
  }

  public boolean hasSubsections() {
    return !exemption.subsections().isEmpty();
  }

  /**
   * The subsections relied on, each with what it protects: "section 31(1)(a), the prevention or detection of
   * crime, and section 31(1)(b), the apprehension or prosecution of offenders" (three or more: separated by ";").
   */
  public String subsectionsInSentence() {
    List<String> parts = exemption.subsections().stream()
        .map(s -> LetterFormats.INSTANCE.lowerFirst(s.section()) + ", " + s.interest()).toList();
    if (parts.size() <= 2) {
      return String.join(", and ", parts);
    }
    return String.join("; ", parts.subList(0, parts.size() - 1)) + "; and " + parts.get(parts.size() - 1);
  }

  /** The NCND provision in the middle of a sentence: "section 31(3)". */
  public String ncndProvisionInSentence() {
    return LetterFormats.INSTANCE.lowerFirst(ncndProvision);
  }

  /** What the harm would be done to: "law enforcement", "commercial interests", "the course of justice". */
  public String protectedInterest() {
    if (hasSubsections()) {
      return LetterFormats.INSTANCE.joinAnd(exemption.subsections().stream().map(Subsection::interest).toList());
    }
    String known = code().isEmpty() ? null : PROTECTED_INTERESTS.get(code().toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    if (exemption.title() == null) {
      return "the interests it protects";
    }
    return LetterFormats.INSTANCE.lowerFirst(exemption.title().replaceFirst("^(?i)prejudice to\\s+", ""));
  }

  /**
   * The exemption is one of Scottish law (FOISA, the EISR), whose harm test is substantial prejudice and whose
   * letters cite section 2 of FOISA or regulation 10 of the EISR.
   */
  public boolean scottish() {
    String code = code().toLowerCase(Locale.ROOT);
    return code.startsWith("foisa-") || code.startsWith("eisr-");
  }

  /**
   * The statutory verb of the harm: EIR exceptions "adversely affect", section 38 "endanger", others "prejudice";
   * under FOISA and the EISR "prejudice substantially" (FOISA s.39(1): "endanger").
   */
  public String harmVerb() {
    if (scottish()) {
      return "foisa-s39-1".equalsIgnoreCase(code()) ? "endanger" : "prejudice substantially";
    }
    if (exemption.eir()) {
      return "adversely affect";
    }
    return "s38".equalsIgnoreCase(code()) ? "endanger" : "prejudice";
  }

  /** The harm test is substantial prejudice (FOISA and the EISR, but for FOISA s.39(1), which asks for danger). */
  public boolean substantialPrejudice() {
    return scottish() && prejudiceBased() && !"foisa-s39-1".equalsIgnoreCase(code());
  }

  /**
   * The harm done, to finish "disclosure would be likely to …": "prejudice law enforcement"; with subsections,
   * each with its own verb: "prejudice the prevention or detection of crime and the apprehension or prosecution
   * of offenders", "inhibit the free and frank provision of advice and prejudice the effective conduct of public
   * affairs". EIR exceptions keep "adversely affect"; FOISA's and the EISR's harm is substantial: "inhibit substantially
   * the free and frank provision of advice", "prejudice substantially the course of justice".
   */
  public String harmDone() {
    if (!hasSubsections() || exemption.eir()) {
      return harmVerb() + " " + protectedInterest();
    }
    Map<String, List<String>> byVerb = new LinkedHashMap<>();
    for (Subsection subsection : exemption.subsections()) {
      String verb = subsection.verb() == null || subsection.verb().isBlank() ? harmVerb() : subsection.verb();
      byVerb.computeIfAbsent(verb, v -> new ArrayList<>()).add(subsection.interest());
    }
    List<String> parts = new ArrayList<>();
    byVerb.forEach((verb, interests) -> parts.add(verb + " " + LetterFormats.INSTANCE.joinAnd(interests)));
    return LetterFormats.INSTANCE.joinAnd(parts);
  }

  /** The harm test recorded "would" (more probable than not) rather than "would be likely to". */
  public boolean harmWould() {
    return harm != null && "WOULD".equals(harm.likelihood());
  }

  public boolean hasHarm() {
    return harm != null && (harm.harm() != null || harm.causalLink() != null);
  }

  public boolean hasPublicInterest() {
    return publicInterest != null
        && (!factorsFor.isEmpty() || !factorsAgainst.isEmpty() || publicInterest.conclusion() != null);
  }
}
