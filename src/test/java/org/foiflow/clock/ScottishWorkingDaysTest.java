package org.foiflow.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FOISA s.73: Saturdays, Sundays, Christmas Day and Scotland's bank holidays under the 1971 Act are not working
 * days; the rest of the UK's are. The list is gov.uk's "Bank holidays in Scotland" for 2022 to 2027, every day.
 */
class ScottishWorkingDaysTest {

  private final UkWorkingDays scotland = new ScottishWorkingDays();
  private final UkWorkingDays uk = new UkWorkingDays();
  private final StatutoryClock clock = new StatutoryClock(scotland);

  /** gov.uk, bank holidays in Scotland, as published (substitute days on the day observed). */
  static Stream<String> scottishBankHolidays() {
    return Stream.of(
        // 2022
        "2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-01",
        "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27",
        // 2023
        "2023-01-02", "2023-01-03", "2023-04-07", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-07",
        "2023-11-30", "2023-12-25", "2023-12-26",
        // 2024
        "2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27", "2024-08-05", "2024-12-02",
        "2024-12-25", "2024-12-26",
        // 2025
        "2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04", "2025-12-01",
        "2025-12-25", "2025-12-26",
        // 2026
        "2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-06-15", "2026-08-03",
        "2026-11-30", "2026-12-25", "2026-12-28",
        // 2027
        "2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31", "2027-08-02", "2027-11-30",
        "2027-12-27", "2027-12-28");
  }

  @ParameterizedTest(name = "{0} is a bank holiday in Scotland")
  @MethodSource("scottishBankHolidays")
  void everyScottishBankHolidayIsNotAWorkingDay(String day) {
    assertThat(scotland.isWorkingDay(LocalDate.parse(day))).isFalse();
  }

  @Test
  void theOtherWeekdaysOf2022To2027AreWorkingDays() {
    var holidays = scottishBankHolidays().map(LocalDate::parse).toList();
    for (LocalDate day = LocalDate.of(2022, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
      boolean weekend = day.getDayOfWeek().getValue() >= 6;
      assertThat(scotland.isWorkingDay(day)).as(day.toString())
          .isEqualTo(!weekend && !holidays.contains(day));
    }
  }

  @ParameterizedTest(name = "{0} is a working day in Scotland ({1})")
  @CsvSource(delimiter = '|', textBlock = """
      2022-04-18 | Easter Monday
      2023-04-10 | Easter Monday
      2024-04-01 | Easter Monday
      2025-04-21 | Easter Monday
      2026-04-06 | Easter Monday
      2027-03-29 | Easter Monday
      2022-08-29 | England's summer bank holiday
      2023-08-28 | England's summer bank holiday
      2024-08-26 | England's summer bank holiday
      2025-08-25 | England's summer bank holiday
      2026-08-31 | England's summer bank holiday
      2027-08-30 | England's summer bank holiday
      2026-03-17 | St Patrick's Day (Northern Ireland)
      2026-07-13 | Battle of the Boyne substitute (Northern Ireland)
      """)
  void theRestOfTheUksBankHolidaysAreWorkingDaysInScotland(String day, String holiday) {
    assertThat(scotland.isWorkingDay(LocalDate.parse(day))).isTrue();
    assertThat(uk.isWorkingDay(LocalDate.parse(day))).as("a FOIA case keeps it").isFalse();
  }

  @Test
  void dueAcrossChristmasAndNewYear() {
    // 11 Dec (1) .. 24 Dec (10); 25 and 28 Dec, 1 and 4 Jan 2027 are not working days; 5 Jan (14) .. 13 Jan (20)
    assertThat(clock.responseDue(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2027, 1, 13));
  }

  @Test
  void dueAcrossStAndrewsDay() {
    // 17 Nov (1) .. 27 Nov (9); Monday 30 Nov is St Andrew's Day; 1 Dec (10) .. 15 Dec (20)
    assertThat(clock.responseDue(LocalDate.of(2026, 11, 16))).isEqualTo(LocalDate.of(2026, 12, 15));
    // 2025: St Andrew's Day is a Sunday, so Monday 1 December is the holiday
    assertThat(clock.responseDue(LocalDate.of(2025, 11, 17))).isEqualTo(LocalDate.of(2025, 12, 16));
  }

  @Test
  void easterMondayCountsInScotlandButNotUnderFoia() {
    assertThat(clock.responseDue(LocalDate.of(2026, 3, 25))).isEqualTo(LocalDate.of(2026, 4, 23));
    assertThat(new StatutoryClock(uk).responseDue(LocalDate.of(2026, 3, 25))).isEqualTo(LocalDate.of(2026, 4, 24));
  }

  @Test
  void eisrRegulation7ExtendsTo40WorkingDaysOnTheScottishCalendar() {
    // 20th working day 23 Apr 2026; 40th: 24 Apr (21) .. 1 May (26), 4 May holiday, 5 May (27) .. 21 May (39), 22 May (40)
    assertThat(clock.eirComplexExtension(LocalDate.of(2026, 3, 25))).isEqualTo(LocalDate.of(2026, 5, 22));
  }
}
