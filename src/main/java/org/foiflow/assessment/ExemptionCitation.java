package org.foiflow.assessment;

import java.util.Locale;

/**
 * How the law cites an exemption code of the catalogue, for letters, task names and statistics alike:
 * "s31" is "Section 31", "s40-2" is "Section 40(2)", "eir-12-5-b" is "Regulation 12(5)(b)"; the Scottish codes alike:
 * "foisa-s30-b-i" is "Section 30(b)(i)", "eisr-10-5-b" is "Regulation 10(5)(b)".
 */
public final class ExemptionCitation {

  private ExemptionCitation() {
  }

  /** The citation of a catalogue code; a code in no known form is returned as it is. */
  public static String of(String code) {
    if (code == null) {
      return null;
    }
    String trimmed = code.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String prefix;
    String rest;
    if (lower.startsWith("eir-")) {
      prefix = "Regulation ";
      rest = trimmed.substring(4);
    } else if (lower.startsWith("eisr-")) {
      prefix = "Regulation ";
      rest = trimmed.substring(5);
    } else if (lower.startsWith("foisa-s")) {
      prefix = "Section ";
      rest = trimmed.substring(7);
    } else if (lower.startsWith("s")) {
      prefix = "Section ";
      rest = trimmed.substring(1);
    } else {
      return code;
    }
    String[] parts = rest.split("-");
    StringBuilder citation = new StringBuilder(prefix).append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      citation.append('(').append(parts[i]).append(')');
    }
    return citation.toString();
  }
}
