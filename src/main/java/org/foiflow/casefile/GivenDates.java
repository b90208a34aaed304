package org.foiflow.casefile;

import java.time.LocalDate;

/**
 * The rule for every date a person gives the system (the API, a start form, a task form): no date before
 * 1 January 2000 (the Act is of 2000; anything earlier is a typing slip such as 0001-01-01, and would give the
 * case a reference like FOI-1-00001); and a day on which something happened (a request received, a complaint
 * notified, an opinion given) cannot be later than today. A day something is due may be in the future.
 */
public final class GivenDates {

  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private GivenDates() {
  }

  /** What is wrong with the day something happened, or null when it is plausible. */
  public static String happenedProblem(LocalDate day, LocalDate today) {
    if (day == null) {
      return null;
    }
    if (day.isAfter(today)) {
      return "cannot be in the future";
    }
    return dueProblem(day);
  }

  /** What is wrong with the day something is due, or null when it is plausible. */
  public static String dueProblem(LocalDate day) {
    return day != null && day.isBefore(EARLIEST) ? "cannot be before 1 January 2000" : null;
  }
}
