package org.foiflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.foiflow.clock.UkWorkingDays;
import org.junit.jupiter.api.Test;

/** The deadline page's words for when a case is due, counted in UK working days (England and Wales holidays). */
class DueInWordsTest {

  private final UkWorkingDays days = new UkWorkingDays();

  private String due(LocalDate due, LocalDate today) {
    return DueInWords.of(due, today, days.workingDaysBetween(today, due), false);
  }

  @Test
  void dueTodayIsDueToday() {
    assertThat(due(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2))).isEqualTo("Due today");
  }

  @Test
  void dueTheNextDayIsDueTomorrow() {
    assertThat(due(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 2))).isEqualTo("Due tomorrow");
  }

  @Test
  void dueOnMondayFromAFridayIsTheNextWorkingDay() {
    assertThat(due(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 4)))
        .isEqualTo("Due next working day (7 December 2026)");
  }

  @Test
  void dueLaterCountsWorkingDaysPastWeekendsAndBankHolidays() {
    // Christmas Day and Boxing Day (substitute Monday 28 December) are not working days
    assertThat(due(LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 23))).isEqualTo("Due in 2 working days");
  }

  @Test
  void pastTheDueDateIsOverdueByWorkingDays() {
    assertThat(due(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3))).isEqualTo("Overdue by 1 working day");
    assertThat(due(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 7))).isEqualTo("Overdue by 3 working days");
  }

  @Test
  void theWeekendAfterAFridayDueDateIsAlreadyOverdue() {
    assertThat(due(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5))).isEqualTo("Overdue: was due 4 December 2026");
  }

  @Test
  void aPausedClockSaysSo() {
    assertThat(DueInWords.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2), 0, true)).isEqualTo("Clock paused");
  }
}
