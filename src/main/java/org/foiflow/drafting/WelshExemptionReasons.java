package org.foiflow.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.assessment.CatalogueTitles.Subsection;
import org.foiflow.drafting.CaseLetter.HarmTest;
import org.foiflow.drafting.CaseLetter.PublicInterestTest;
import org.foiflow.drafting.CaseLetter.QualifiedPersonOpinion;

/**
 * One engaged exemption as a Welsh letter explains it ({@code letters/cy/exemptions.html}): the same facts as
 * {@link ExemptionReasons}, with the section cited in Welsh ("Adran 31 – Gorfodi'r gyfraith", "adrannau 31(1)(a) a
 * 31(1)(b)", "rheoliad 12(5)(b)") and the catalogue's English wording (titles, what each exemption protects, the
 * verb of the harm) replaced by its Welsh counterpart from {@link WelshExemptionWording}. What the officer typed
 * (harm, public interest factors, conclusion) stays as typed.
 */
public record WelshExemptionReasons(ExemptionReasons english) {

  private static final LetterFormats WELSH = LetterFormats.WELSH;

  /** The Welsh reasons of each English one, in the same order. */
  public static List<WelshExemptionReasons> of(List<ExemptionReasons> english) {
    return english == null ? List.of() : english.stream().map(WelshExemptionReasons::new).toList();
  }

  public String code() {
    return english.code();
  }

  /** "Adran 31", "Rheoliad 12(5)(b)". */
  public String section() {
    return WelshExemptionWording.cite(english.section());
  }

  /** "Gorfodi'r gyfraith"; a code without Welsh wording keeps the catalogue's title. */
  public String title() {
    String welsh = WelshExemptionWording.title(code());
    return welsh != null ? welsh : english.title();
  }

  /** "Adran 31(1)(a)", "Adrannau 31(1)(a) a 31(1)(b)", or the section alone. */
  public String citation() {
    List<Subsection> subsections = english.exemption().subsections();
    if (subsections.isEmpty()) {
      return section();
    }
    if (subsections.size() == 1) {
      return WelshExemptionWording.cite(subsections.get(0).section());
    }
    List<String> numbers = subsections.stream().map(s -> s.section().replaceFirst("^\\S+\\s+", "")).toList();
    String plural = english.eir() ? "Rheoliadau " : "Adrannau ";
    return plural + WELSH.joinAnd(numbers);
  }

  /** "Adran 31 – Gorfodi'r gyfraith". */
  public String heading() {
    return title() == null ? citation() : citation() + " – " + title();
  }

  /** "Adran 31(3)": the provision that excludes the duty to confirm or deny. */
  public String ncndProvision() {
    return WelshExemptionWording.cite(english.ncndProvision());
  }

  public String ncndHeading() {
    return title() == null ? ncndProvision() : ncndProvision() + " – " + title();
  }

  /** The title to continue a sentence: "gorfodi'r gyfraith". */
  public String subject() {
    return title() == null ? "y buddiannau y mae'n eu diogelu" : WELSH.lowerFirst(title());
  }

  /** "adran 31", "adrannau 31(1)(a) a 31(1)(b)", "rheoliad 12(5)(b)". */
  public String sectionInSentence() {
    return WELSH.lowerFirst(citation());
  }

  /** The section after a preposition that softens it ("ar", "o dan"): "adran 31", "reoliad 12(5)(b)". */
  public String sectionAfterAr() {
    return WelshExemptionWording.softMutation(sectionInSentence());
  }

  public String ncndProvisionInSentence() {
    return WELSH.lowerFirst(ncndProvision());
  }

  public boolean hasSubsections() {
    return english.hasSubsections();
  }

  /** "adran 31(1)(a), atal neu ganfod troseddau, ac adran 31(1)(b), dal neu erlyn troseddwyr". */
  public String subsectionsInSentence() {
    List<String> parts = english.exemption().subsections().stream()
        .map(s -> WELSH.lowerFirst(WelshExemptionWording.cite(s.section())) + ", " + interest(s)).toList();
    if (parts.size() <= 2) {
      return String.join(", ac ", parts);
    }
    return String.join("; ", parts.subList(0, parts.size() - 1)) + "; ac " + parts.get(parts.size() - 1);
  }

  /** What the harm would be done to: "gorfodi'r gyfraith", "buddiannau masnachol". */
  public String protectedInterest() {
    if (hasSubsections()) {
      return WELSH.joinAnd(english.exemption().subsections().stream().map(WelshExemptionReasons::interest).toList());
    }
    String known = WelshExemptionWording.protectedInterest(code());
    if (known != null) {
      return known;
    }
    return title() == null ? "y buddiannau y mae'n eu diogelu" : WELSH.lowerFirst(title());
  }

  /** The harm done after "byddai datgelu'n …": "niweidio gorfodi'r gyfraith", "peryglu diogelwch unrhyw unigolyn". */
  public String harmDone() {
    return harmDone(false);
  }

  /**
   * The same after "yn debygol o …", with the soft mutation the preposition takes: "o niweidio …", "o beryglu …",
   * "o lesteirio …".
   */
  public String harmDoneAfterO() {
    return harmDone(true);
  }

  private String harmDone(boolean afterO) {
    if (!hasSubsections() || english.eir()) {
      String verb = english.harmVerb();
      String object = WelshExemptionWording.mutatesObject(verb)
          ? WelshExemptionWording.softMutation(protectedInterest()) : protectedInterest();
      return WelshExemptionWording.verb(verb, afterO) + " " + object;
    }
    Map<String, List<String>> byVerb = new LinkedHashMap<>();
    for (Subsection subsection : english.exemption().subsections()) {
      String verb = subsection.verb() == null || subsection.verb().isBlank() ? english.harmVerb() : subsection.verb();
      byVerb.computeIfAbsent(verb, v -> new ArrayList<>()).add(interest(subsection));
    }
    List<String> parts = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, List<String>> entry : byVerb.entrySet()) {
      String interests = WELSH.joinAnd(entry.getValue());
      if (WelshExemptionWording.mutatesObject(entry.getKey())) {
        interests = WelshExemptionWording.softMutation(interests);
      }
      parts.add(WelshExemptionWording.verb(entry.getKey(), first && afterO) + " " + interests);
      first = false;
    }
    return WELSH.joinAnd(parts);
  }

  private static String interest(Subsection subsection) {
    String welsh = WelshExemptionWording.subsectionInterest(subsection.section());
    return welsh != null ? welsh : subsection.interest();
  }

  public boolean absolute() {
    return english.absolute();
  }

  public boolean qualified() {
    return english.qualified();
  }

  public boolean prejudiceBased() {
    return english.prejudiceBased();
  }

  public boolean eir() {
    return english.eir();
  }

  public HarmTest harm() {
    return english.harm();
  }

  public boolean harmWould() {
    return english.harmWould();
  }

  public boolean hasHarm() {
    return english.hasHarm();
  }

  public PublicInterestTest publicInterest() {
    return english.publicInterest();
  }

  public boolean hasPublicInterest() {
    return english.hasPublicInterest();
  }

  public QualifiedPersonOpinion qualifiedPersonOpinion() {
    return english.qualifiedPersonOpinion();
  }

  public List<String> factorsFor() {
    return english.factorsFor();
  }

  public List<String> factorsAgainst() {
    return english.factorsAgainst();
  }

  @Override
  public String toString() {
    return heading().toLowerCase(Locale.ROOT);
  }
}
