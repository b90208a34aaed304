package org.foiflow.monitoring;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a case is due, as the deadline page says it: "Due today" on the due date itself (the response may still go
 * that day), "Due tomorrow" only when the next working day is tomorrow, otherwise a count of UK working days, the
 * unit the statutory clock counts in. Past the due date it is overdue, even on a weekend just after a Friday due
 * date, when no working day has yet passed.
 */
final class DueInWords {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private DueInWords() {
  }

  static String of(LocalDate due, LocalDate today, int workingDaysRemaining, boolean paused) {
    if (paused) {
      return "Clock paused";
    }
    if (due.equals(today)) {
      return "Due today";
    }
    if (today.isAfter(due)) {
      int late = -workingDaysRemaining;
      return late < 1 ? "Overdue: was due " + UK_DATE.format(due)
          : "Overdue by " + late + (late == 1 ? " working day" : " working days");
    }
    if (workingDaysRemaining <= 1) {
      // the next working day: tomorrow, or after a weekend or bank holiday
      return due.equals(today.plusDays(1)) ? "Due tomorrow" : "Due next working day (" + UK_DATE.format(due) + ")";
    }
    return "Due in " + workingDaysRemaining + " working days";
  }
}
