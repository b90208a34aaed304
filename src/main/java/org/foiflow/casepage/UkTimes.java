package org.foiflow.casepage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Dates and times as UK readers write them, "14 May 2026" and "14 May 2026, 10:32", in London time whatever the
 * server's zone (the engine records instants).
 */
public final class UkTimes {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private UkTimes() {
  }

  public static String day(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /** An ISO date as the case variables hold it ("2026-05-14"); anything else is shown as it is. */
  public static String day(String isoDate) {
    if (isoDate == null || isoDate.isBlank()) {
      return null;
    }
    try {
      return day(LocalDate.parse(isoDate.substring(0, Math.min(10, isoDate.length()))));
    } catch (RuntimeException notADate) {
      return isoDate;
    }
  }

  /** The London day of an instant, such as a task's due date. */
  public static String day(Date instant) {
    return instant == null ? null : day(instant.toInstant().atZone(LONDON).toLocalDate());
  }

  public static String time(Date instant) {
    return instant == null ? null : DAY_AND_TIME.format(instant.toInstant().atZone(LONDON));
  }

  /** The machine-readable form for a time element's datetime attribute. */
  public static String iso(Date instant) {
    return instant == null ? null : instant.toInstant().toString();
  }
}
