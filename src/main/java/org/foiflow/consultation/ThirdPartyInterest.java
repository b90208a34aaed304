package org.foiflow.consultation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a third party is consulted (s.45 Code of Practice): the interest of theirs a disclosure touches, in the words
 * the consultation letter, the case's summary and the response letters use.
 */
public enum ThirdPartyInterest {

  /** s.43(2): disclosure would, or would be likely to, prejudice their commercial interests. */
  S43("your commercial interests", "their commercial interests"),
  /** s.41: they gave us the information in confidence. */
  S41("information you gave us in confidence", "information they gave us in confidence"),
  /** s.40(2): the information is their personal data. */
  PERSONAL_DATA("your personal data", "their personal data");

  private final String toThem;
  private final String aboutThem;

  ThirdPartyInterest(String toThem, String aboutThem) {
    this.toThem = toThem;
    this.aboutThem = aboutThem;
  }

  /** The interest as the consultation letter puts it to the third party ("your commercial interests"). */
  public String toThem() {
    return toThem;
  }

  /** The interest as others read it ("their commercial interests"). */
  public String aboutThem() {
    return aboutThem;
  }

  /** The interest for a code as the form gives it (S43, S41, PERSONAL_DATA); null for anything else. */
  public static ThirdPartyInterest of(String code) {
    if (code == null) {
      return null;
    }
    String wanted = code.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(value -> value.name().equals(wanted)).findFirst().orElse(null);
  }

  static String choices() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
