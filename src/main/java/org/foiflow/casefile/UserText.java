package org.foiflow.casefile;

/**
 * Text as people give it (pasted from Word, typed on a phone, sent through the API), made safe to keep, print
 * and render: letters are XHTML, and XML 1.0 refuses control characters, lone surrogates and U+FFFE/U+FFFF, so
 * one such character in a request would fail every letter of the case. Word's manual line break (vertical tab)
 * and a form feed become a line break; tab, CR and LF stay; other C0 and C1 controls (NUL included) go; a lone
 * surrogate becomes U+FFFD, so the reader sees something was there. Applied where text enters: the intake API,
 * every start and task form (FormContractCheck), and the letters themselves.
 */
public final class UserText {

  private static final char REPLACEMENT = '\uFFFD';

  private UserText() {
  }

  /** The text normalised; the same instance when nothing needed changing, null for null. */
  public static String normalise(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        clean.append(REPLACEMENT);
      } else if (c == '\u000B' || c == '\u000C') {
        clean.append('\n');
      } else if (c == '\t' || c == '\n' || c == '\r') {
        clean.append(c);
      } else if (!isControl(c) && c != '\uFFFE' && c != '\uFFFF') {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /** Nothing to change: the common case, answered without copying. */
  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
          || isControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). */
  private static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F;
  }
}
