package org.foiflow.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * The rule for every date a person gives the system (the API, a start form, a task form): no date before
 * 1 January 2000 (the Act is of 2000; anything earlier is a typing slip such as 0001-01-01, and would give the
 * case a reference like FOI-1-00001); and a day on which something happened (a request received, a complaint
 * notified, an opinion given) cannot be later than today. A day something is due may be in the future.
 */
public final class GivenDates {

  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** What a date field says it takes: UK order as people type it, or ISO as links and scripts send it. */
  public static final String TYPED_FORMATS = "a date as DD/MM/YYYY or YYYY-MM-DD";

  private static final DateTimeFormatter UK_TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  /** A day as people write it in the UK: 2 December 2026. */
  private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.UK);

  private GivenDates() {
  }

  /** What is wrong with the day something happened, or null when it is plausible. */
  public static String happenedProblem(LocalDate day, LocalDate today) {
    if (day == null) {
      return null;
    }
    if (day.isAfter(today)) {
      return "cannot be in the future (today is " + today.format(SPOKEN) + ")";
    }
    return dueProblem(day);
  }

  /** What is wrong with the day something is due, or null when it is plausible. */
  public static String dueProblem(LocalDate day) {
    return day != null && day.isBefore(EARLIEST) ? "cannot be before 1 January 2000" : null;
  }

  /**
   * A date as a person types it in a UK form (14/05/2026, 14/5/2026) or as a link carries it (2026-05-14); never
   * month first. Throws DateTimeParseException for anything else, 31/02/2026 included.
   */
  public static LocalDate typed(String value) {
    String typed = value.strip();
    return typed.contains("/") ? LocalDate.parse(typed, UK_TYPED) : LocalDate.parse(typed);
  }

  /** A date field as given: null when left empty; when not a date, null and the field's problem noted. */
  public static LocalDate typed(String field, String value, Map<String, String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return typed(value);
    } catch (DateTimeParseException notADate) {
      problems.put(field, "must be " + TYPED_FORMATS);
      return null;
    }
  }
}
