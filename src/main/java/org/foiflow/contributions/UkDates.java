package org.foiflow.contributions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in the UK read them in emails and summaries: 14 May 2026. */
final class UkDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private UkDates() {
  }

  static String day(LocalDate day) {
    return day == null ? "" : day.format(DAY);
  }
}
