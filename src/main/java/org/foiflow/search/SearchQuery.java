package org.foiflow.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;

/**
 * One case search as asked, checked: the words, open/closed/all, a received-date range, an outcome, an exemption
 * code and the page. {@link #of} names each bad parameter (a 400 for the API, a message on the page).
 */
public record SearchQuery(List<String> words, Status status, LocalDate receivedFrom, LocalDate receivedTo,
                          String outcome, String exemption, int page, int size) {

  public enum Status { open, closed, all }

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  /** A search box holds a name, an email or a few words: anything longer is a mistake. */
  static final int MAX_QUERY_CHARS = 200;

  /** Reads the parameters as given (each may be null or blank: not asked); throws naming every bad one. */
  public static SearchQuery of(String q, String status, String receivedFrom, String receivedTo, String outcome,
                               String exemption, String page, String size) {
    Map<String, String> problems = new LinkedHashMap<>();
    List<String> words = List.of();
    if (given(q)) {
      if (q.length() > MAX_QUERY_CHARS) {
        problems.put("q", "at most " + MAX_QUERY_CHARS + " characters");
      } else {
        words = SearchText.words(q);
        if (words.size() > SearchText.MAX_WORDS) {
          problems.put("q", "at most " + SearchText.MAX_WORDS + " words");
        }
      }
    }
    Status asked = Status.all;
    if (given(status)) {
      try {
        asked = Status.valueOf(status.strip().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        problems.put("status", "must be one of open, closed, all");
      }
    }
    LocalDate from = GivenDates.typed("receivedFrom", receivedFrom, problems);
    LocalDate to = GivenDates.typed("receivedTo", receivedTo, problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.put("receivedTo", "must not be before receivedFrom");
    }
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
    int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
    String outcomeCode = given(outcome) ? outcome.strip().toUpperCase(Locale.ROOT) : null;
    if (outcomeCode != null && !outcomeCode.matches("[A-Z0-9_]{1,32}")) {
      problems.put("outcome", "must be an outcome code such as GRANTED_IN_FULL");
    }
    String exemptionCode = given(exemption) ? exemption.strip() : null;
    if (exemptionCode != null && exemptionCode.length() > 32) {
      problems.put("exemption", "at most 32 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new SearchQuery(words, asked, from, to, outcomeCode, exemptionCode, pageNumber, pageSize);
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }


  private static int number(String field, String value, int absent, int min, int max, Map<String, String> problems) {
    if (!given(value)) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // named below
    }
    problems.put(field, "must be a whole number from " + min + " to " + max);
    return absent;
  }
}
