package org.foiflow.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words a case is searched by, and the words of a search, made the same way in Java so H2 and PostgreSQL
 * compare like with like: lower case, accents removed ("Sharmá" is "sharma"), every run of punctuation a space
 * ("priya.sharma@example.org" is "priya sharma example org", "FOI-2026-00012" is "foi 2026 00012"). Only letters
 * and digits survive, so a search word can go into a LIKE pattern or a tsquery as it is.
 */
public final class SearchText {

  /** Letters that are not a base letter plus an accent, so decomposing alone leaves them as they are. */
  private static final String[][] FOLDED = {{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"ł", "l"},
      {"đ", "d"}, {"ð", "d"}, {"þ", "th"}, {"ı", "i"}};

  /** A search of more words than this is refused: no one types them, and each is one more condition. */
  static final int MAX_WORDS = 10;

  private SearchText() {
  }

  /** search_text of a case: its parts' words, with a space at each end so "% word%" finds a word's start. */
  public static String of(String... parts) {
    String words = Arrays.stream(parts).filter(Objects::nonNull).map(SearchText::normalise)
        .filter(text -> !text.isEmpty()).collect(Collectors.joining(" "));
    return " " + words + " ";
  }

  /** The distinct words of what was typed into the search box, in order. */
  public static List<String> words(String typed) {
    if (typed == null) {
      return List.of();
    }
    String normalised = normalise(typed);
    return normalised.isEmpty() ? List.of() : Stream.of(normalised.split(" ")).distinct().toList();
  }

  static String normalise(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    for (String[] folded : FOLDED) {
      lower = lower.replace(folded[0], folded[1]);
    }
    return lower.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
