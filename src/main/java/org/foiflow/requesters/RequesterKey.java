package org.foiflow.requesters;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a requester is recognised across cases: their email and their name made comparable. Case, accents
 * ("Sharmá" is "sharma"), invisible characters (a zero-width space pasted from a web page) and spacing do not
 * make a different person; punctuation in a name is a space ("Mary-Jane" is "mary jane"), an apostrophe nothing.
 */
public final class RequesterKey {

  private RequesterKey() {
  }

  /** The email's key, or null when there is no email. */
  public static String email(String email) {
    if (email == null) {
      return null;
    }
    String key = visible(email).replaceAll("(?U)\\s+", "").toLowerCase(Locale.ROOT);
    return key.isEmpty() ? null : key;
  }

  /** The name's key, or null when there is no name. */
  public static String name(String name) {
    if (name == null) {
      return null;
    }
    String folded = Normalizer.normalize(visible(name), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return folded.isEmpty() ? null : folded;
  }

  /** The text without format characters (zero-width spaces and joiners, the byte-order mark), compatibility-folded. */
  static String visible(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\p{Cf}+", "");
  }
}
