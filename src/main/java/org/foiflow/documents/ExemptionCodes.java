package org.foiflow.documents;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foiflow.assessment.CatalogueTitles;
import org.foiflow.casefile.Regime;

/**
 * The exemption codes a redaction or a withheld document may give: the catalogue's codes (bpmn/exemption-catalogue.dmn:
 * s31, s40-2, eir-12-5-b; in Scotland foisa-s30, eisr-10-5-b) and the subsections of its exemption-subsections table
 * (s31-1-a, foisa-s30-b-i), also typed as they are cited (s40(2), s.40(2), Section 40(2), s31(1)(a), reg.12(5)(b),
 * Regulation 12(5)(b); on a FOISA or EISR case s.30(b)(i) and reg.10(5)(b) are the Scottish ones). A code's label is what is
 * burned on the page (s.40(2), reg.12(5)(b)); its top-level exemption (s31-1-a to s31) is what the assessment engages.
 */
final class ExemptionCodes {

  /** Lower-case code to the catalogue's own spelling (s22a to s22A). */
  private static final Map<String, String> KNOWN = known();
  private static final Pattern CITED = Pattern.compile(
      "(?i)^\\s*(?:(s|sec|section|s\\.)|(eir|reg|regulation|reg\\.|r\\.|eir-))\\s*\\.?\\s*(\\d+[a-z]?)((?:\\s*\\(\\s*[a-z0-9]+\\s*\\))*)\\s*$");
  private static final Pattern PART = Pattern.compile("\\(\\s*([a-zA-Z0-9]+)\\s*\\)");

  private ExemptionCodes() {
  }

  /** The catalogue code for what was typed, or null when the catalogue knows no such exemption. */
  static String normalised(String given) {
    return normalised(given, Regime.FOIA);
  }

  /**
   * The catalogue code for what was typed on a case under the regime: a citation typed on a FOISA or EISR case
   * ("s.30(b)(i)", "reg.10(5)(b)") is the Scottish provision of that number; a code given in full is itself.
   */
  static String normalised(String given, Regime regime) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String direct = KNOWN.get(given.strip().toLowerCase(Locale.ROOT));
    if (direct != null) {
      return direct;
    }
    Matcher cited = CITED.matcher(given);
    if (!cited.matches()) {
      return null;
    }
    boolean scottish = regime != null && regime.scottish();
    StringBuilder code = new StringBuilder(cited.group(2) != null ? (scottish ? "eisr-" : "eir-")
        : (scottish ? "foisa-s" : "s")).append(cited.group(3));
    Matcher part = PART.matcher(cited.group(4));
    while (part.find()) {
      code.append('-').append(part.group(1));
    }
    return KNOWN.get(code.toString().toLowerCase(Locale.ROOT));
  }

  /** The exemption the assessment engages for a code: s31-1-a is s31; a catalogue code is itself. */
  static String topLevel(String code) {
    CatalogueTitles.Subsection subsection = CatalogueTitles.subsectionOf(code);
    return subsection != null ? subsection.exemption() : code;
  }

  /** What is printed on the black box: s.40(2), s.31(1)(a), reg.12(5)(b); Scottish ones s.30(b)(i), reg.10(5)(b). */
  static String label(String code) {
    boolean eir = code.startsWith("eir-") || code.startsWith("eisr-");
    String number = code.startsWith("eir-") ? code.substring(4) : code.startsWith("eisr-") ? code.substring(5)
        : code.startsWith("foisa-s") ? code.substring(7) : code.substring(1);
    String[] parts = number.split("-");
    StringBuilder label = new StringBuilder(eir ? "reg." : "s.").append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      label.append('(').append(parts[i]).append(')');
    }
    return label.toString();
  }

  /**
   * FOIA sections are s.., the EIR's exceptions eir-.., FOISA's sections foisa-s.., the EISR's exceptions eisr-..;
   * a case cites only its own regime's.
   */
  static boolean ofRegime(String code, Regime regime) {
    return regimeOf(code) == regime;
  }

  /** The regime a catalogue code belongs to, by its prefix. */
  static Regime regimeOf(String code) {
    if (code.startsWith("eisr-")) {
      return Regime.EISR;
    }
    if (code.startsWith("foisa-")) {
      return Regime.FOISA;
    }
    return code.startsWith("eir-") ? Regime.EIR : Regime.FOIA;
  }

  /** The catalogue's title of a code's exemption ("Personal information"), for the choices offered. */
  static String title(String code) {
    CatalogueTitles.Subsection subsection = CatalogueTitles.subsectionOf(code);
    if (subsection != null) {
      return CatalogueTitles.titleOf(subsection.exemption()) + ": " + subsection.interest();
    }
    return CatalogueTitles.titleOf(code);
  }

  /** Every code, catalogue rows first, each followed by its subsections. */
  static Iterable<String> all() {
    return KNOWN.values();
  }

  private static Map<String, String> known() {
    Map<String, String> known = new LinkedHashMap<>();
    for (String code : CatalogueTitles.all().keySet()) {
      known.put(code.toLowerCase(Locale.ROOT), code);
      CatalogueTitles.subsections().forEach((subsection, row) -> {
        if (row.exemption().equals(code)) {
          known.put(subsection.toLowerCase(Locale.ROOT), subsection);
        }
      });
    }
    return known;
  }
}
