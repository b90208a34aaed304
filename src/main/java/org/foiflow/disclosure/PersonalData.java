package org.foiflow.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requester's name, email and postal address as patterns to find in text meant for the public disclosure
 * log. The proposal removes all of it, and any email address at all. Publication is refused while the text
 * still names the requester: the full name, any part of it written as a name (capitalised, three letters or
 * more), the email address, or an address line of more than one word (a house and street, a postcode). A
 * lone town name is removed from the proposal but may be put back by the officer: a request about the town
 * is not about the requester.
 */
final class PersonalData {

  static final String REMOVED = "[personal data removed]";
  private static final Pattern ANY_EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame",
      "rev", "lord", "lady");

  /** kind (name, email, address) -> patterns; the refused ones first, then those only removed. */
  private final Map<String, List<Pattern>> refused = new LinkedHashMap<>();
  private final List<Pattern> removedOnly = new ArrayList<>();

  private PersonalData() {
  }

  static PersonalData of(String name, String email, String address) {
    PersonalData data = new PersonalData();
    if (name != null && !name.isBlank()) {
      String[] parts = name.strip().split("\\s+");
      data.refuse("name", Pattern.compile(words(parts), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      for (String part : parts) {
        String letters = part.replaceAll("[^\\p{L}'-]", "");
        if (letters.length() >= 3 && !TITLES.contains(letters.toLowerCase(Locale.ROOT))) {
          String capitalised = letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1);
          data.refuse("name", Pattern.compile("\\b(" + Pattern.quote(capitalised) + "|"
              + Pattern.quote(letters.toUpperCase(Locale.ROOT)) + ")\\b"));
        }
      }
    }
    if (email != null && !email.isBlank()) {
      data.refuse("email", Pattern.compile(Pattern.quote(email.strip()), Pattern.CASE_INSENSITIVE));
    }
    if (address != null && !address.isBlank()) {
      data.refuse("address", Pattern.compile(lines(address.strip().split("[\\n,]+")), Pattern.CASE_INSENSITIVE));
      for (String line : address.split("[\\n,]+")) {
        String[] words = line.strip().split("\\s+");
        if (line.isBlank() || line.strip().length() < 3) {
          continue;
        }
        Pattern pattern = Pattern.compile("\\b" + words(words) + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher postcode = POSTCODE.matcher(line);
        if (postcode.find()) {
          String code = postcode.group().replaceAll("\\s+", "");
          data.refuse("address", Pattern.compile("\\b" + Pattern.quote(code.substring(0, code.length() - 3)) + "\\s*"
              + Pattern.quote(code.substring(code.length() - 3)) + "\\b", Pattern.CASE_INSENSITIVE));
        }
        if (words.length > 1) {
          data.refuse("address", pattern);
        } else {
          data.removedOnly.add(pattern);
        }
      }
    }
    return data;
  }

  private void refuse(String kind, Pattern pattern) {
    refused.computeIfAbsent(kind, k -> new ArrayList<>()).add(pattern);
  }

  /** The text with the requester's details and any email address replaced by "[personal data removed]". */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (List<Pattern> patterns : refused.values()) {
      for (Pattern pattern : patterns) {
        result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(REMOVED));
      }
    }
    for (Pattern pattern : removedOnly) {
      result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(REMOVED));
    }
    return ANY_EMAIL.matcher(result).replaceAll(Matcher.quoteReplacement(REMOVED));
  }

  /** Which of the requester's details (name, email, address) the text still shows; empty when none. */
  List<String> shownIn(String text) {
    List<String> kinds = new ArrayList<>();
    if (text == null) {
      return kinds;
    }
    refused.forEach((kind, patterns) -> {
      if (patterns.stream().anyMatch(pattern -> pattern.matcher(text).find())) {
        kinds.add(kind);
      }
    });
    return kinds;
  }

  private static String words(String[] words) {
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      if (!word.isBlank()) {
        quoted.add(Pattern.quote(word.strip()));
      }
    }
    return String.join("\\s+", quoted);
  }

  private static String lines(String[] lines) {
    List<String> quoted = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        quoted.add(words(line.strip().split("\\s+")));
      }
    }
    return String.join("[\\s,]+", quoted);
  }
}
