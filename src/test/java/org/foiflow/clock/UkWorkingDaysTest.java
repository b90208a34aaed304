package org.foiflow.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FOIA s.10(6): a bank holiday in any part of the UK is a non-working day for every authority. */
class UkWorkingDaysTest {

  private final UkWorkingDays days = new UkWorkingDays();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest(name = "{0} is not a working day ({1})")
  @CsvSource(delimiter = '|', textBlock = """
      # Scotland: 2 January, and its substitutes (Tue after the New Year substitute when 1/2 Jan are at a weekend)
      2024-01-02 | Scotland 2 January, Tue
      2025-01-02 | Scotland 2 January, Thu
      2026-01-02 | Scotland 2 January, Fri
      2022-01-04 | Scotland 2 January substitute (1 Jan Sat, 2 Jan Sun)
      2023-01-03 | Scotland 2 January substitute (2 Jan was itself the New Year substitute)
      2027-01-04 | Scotland 2 January substitute (2 Jan Sat)
      2028-01-04 | Scotland 2 January substitute (1 Jan Sat, 2 Jan Sun)
      # Scotland: St Andrew's Day, Monday after when at a weekend
      2022-11-30 | St Andrew's Day, Wed
      2023-11-30 | St Andrew's Day, Thu
      2024-12-02 | St Andrew's Day substitute (30 Nov Sat)
      2025-12-01 | St Andrew's Day substitute (30 Nov Sun)
      2026-11-30 | St Andrew's Day, Mon
      2027-11-30 | St Andrew's Day, Tue
      # Scotland: August bank holiday is the first Monday of August
      2022-08-01 | Scotland summer bank holiday
      2023-08-07 | Scotland summer bank holiday
      2024-08-05 | Scotland summer bank holiday
      2025-08-04 | Scotland summer bank holiday
      2026-08-03 | Scotland summer bank holiday
      2027-08-02 | Scotland summer bank holiday
      # Scotland: World Cup, royal proclamation of 4 Feb 2026 under s.1(3) of the 1971 Act
      2026-06-15 | Scotland World Cup bank holiday
      # Northern Ireland: St Patrick's Day
      2022-03-17 | St Patrick's Day, Thu
      2023-03-17 | St Patrick's Day, Fri
      2024-03-18 | St Patrick's Day substitute (17 Mar Sun)
      2025-03-17 | St Patrick's Day, Mon
      2026-03-17 | St Patrick's Day, Tue
      2027-03-17 | St Patrick's Day, Wed
      # Northern Ireland: Battle of the Boyne
      2022-07-12 | Battle of the Boyne, Tue
      2023-07-12 | Battle of the Boyne, Wed
      2024-07-12 | Battle of the Boyne, Fri
      2025-07-14 | Battle of the Boyne substitute (12 Jul Sat)
      2026-07-13 | Battle of the Boyne substitute (12 Jul Sun)
      2027-07-12 | Battle of the Boyne, Mon
      # England, Wales, NI: Easter Monday and the last Monday of August
      2022-04-18 | Easter Monday
      2024-04-01 | Easter Monday
      2027-03-29 | Easter Monday
      2022-08-29 | E/W/NI summer bank holiday
      2024-08-26 | E/W/NI summer bank holiday
      2026-08-31 | E/W/NI summer bank holiday
      # Everywhere: Good Friday (named in s.10(6))
      2022-04-15 | Good Friday
      2023-04-07 | Good Friday
      2024-03-29 | Good Friday
      2025-04-18 | Good Friday
      2026-04-03 | Good Friday
      2027-03-26 | Good Friday
      # Everywhere: Christmas (named in s.10(6)), Boxing Day, New Year and their substitutes
      2022-12-26 | Boxing Day, Mon
      2022-12-27 | Christmas substitute (25 Dec Sun)
      2023-12-25 | Christmas Day, Mon
      2024-12-25 | Christmas Day, Wed
      2025-12-26 | Boxing Day, Fri
      2026-12-25 | Christmas Day, Fri
      2026-12-28 | Boxing Day substitute (26 Dec Sat)
      2027-12-27 | Christmas substitute (25 Dec Sat)
      2027-12-28 | Boxing Day substitute (26 Dec Sun)
      2022-01-03 | New Year substitute (1 Jan Sat)
      2023-01-02 | New Year substitute (1 Jan Sun)
      2027-01-01 | New Year's Day, Fri
      2028-01-03 | New Year substitute (1 Jan Sat)
      # One-off days
      2022-06-02 | spring bank holiday moved to Thu 2 June 2022
      2022-06-03 | Platinum Jubilee
      2022-09-19 | State funeral of Queen Elizabeth II
      2023-05-08 | Coronation of King Charles III
      # Weekends
      2025-11-29 | Saturday
      2025-11-30 | Sunday and St Andrew's Day
      """)
  void notAWorkingDay(LocalDate day, String why) {
    assertThat(days.isWorkingDay(day)).as(why).isFalse();
  }

  @ParameterizedTest(name = "{0} is a working day ({1})")
  @CsvSource(delimiter = '|', textBlock = """
      2022-05-30 | last Monday of May 2022: the spring holiday moved to 2 June
      2022-06-06 | Monday after the Jubilee weekend
      2023-01-04 | first working day of 2023
      2024-03-19 | day after the St Patrick's substitute
      2024-12-27 | Friday between Boxing Day and New Year
      2025-12-02 | day after the St Andrew's substitute
      2026-06-16 | day after the World Cup holiday
      2026-12-29 | after the Boxing Day substitute
      2027-01-05 | after the Scottish 2 January substitute
      2025-10-01 | ordinary Wednesday
      """)
  void aWorkingDay(LocalDate day, String why) {
    assertThat(days.isWorkingDay(day)).as(why).isTrue();
  }

  @Test
  void addWorkingDaysNeverCountsTheStartDay() {
    assertThat(days.addWorkingDays(d("2025-10-01"), 0)).isEqualTo(d("2025-10-01"));
    assertThat(days.addWorkingDays(d("2025-11-29"), 0)).isEqualTo(d("2025-11-29")); // Sat stays Sat
    assertThat(days.addWorkingDays(d("2025-10-01"), 1)).isEqualTo(d("2025-10-02"));
    // From Sat 29 Nov 2025: Sun, Mon 1 Dec (St Andrew sub) skipped -> Tue 2 Dec.
    assertThat(days.addWorkingDays(d("2025-11-29"), 1)).isEqualTo(d("2025-12-02"));
    // Backwards from Tue 2 Dec 2025: Mon 1 Dec X, weekend -> Fri 28 Nov; 2 back -> Thu 27 Nov.
    assertThat(days.addWorkingDays(d("2025-12-02"), -1)).isEqualTo(d("2025-11-28"));
    assertThat(days.addWorkingDays(d("2025-12-02"), -2)).isEqualTo(d("2025-11-27"));
    // Backwards from a holiday: from Mon 2 Jan 2023 the previous working day is Fri 30 Dec 2022.
    assertThat(days.addWorkingDays(d("2023-01-02"), -1)).isEqualTo(d("2022-12-30"));
  }

  @Test
  void workingDaysBetweenIsHalfOpenAndSigned() {
    // (Tue 24 Dec 2024, Fri 3 Jan 2025]: Fri 27, Mon 30, Tue 31, Fri 3 = 4 (25, 26 Dec, 1, 2 Jan are holidays).
    assertThat(days.workingDaysBetween(d("2024-12-24"), d("2025-01-03"))).isEqualTo(4);
    assertThat(days.workingDaysBetween(d("2025-01-03"), d("2024-12-24"))).isEqualTo(-4);
    assertThat(days.workingDaysBetween(d("2025-01-03"), d("2025-01-03"))).isZero();
    // (Fri 23 Jan 2026, Sat 24 Jan] holds no working day.
    assertThat(days.workingDaysBetween(d("2026-01-23"), d("2026-01-24"))).isZero();
  }

  @Test
  void workingDaysInWholeYears() {
    // 2022 starts on a Saturday, 365 days: 260 weekdays. Weekday holidays anywhere in the UK: 3 Jan, 4 Jan,
    // 17 Mar, 15 Apr, 18 Apr, 2 May, 2 Jun, 3 Jun, 12 Jul, 1 Aug, 29 Aug, 19 Sep, 30 Nov, 26 Dec, 27 Dec = 15.
    assertThat(days.workingDaysIn(d("2022-01-01"), d("2022-12-31"))).isEqualTo(245);
    // 2024 is a leap year starting on a Monday: 262 weekdays. Weekday holidays: 1 Jan, 2 Jan, 18 Mar, 29 Mar,
    // 1 Apr, 6 May, 27 May, 12 Jul, 5 Aug, 26 Aug, 2 Dec, 25 Dec, 26 Dec = 13.
    assertThat(days.workingDaysIn(d("2024-01-01"), d("2024-12-31"))).isEqualTo(249);
    // Across the year end: 2022 and 2024 with 2023 between (260 weekdays; 2 Jan, 3 Jan, 17 Mar, 7 Apr,
    // 10 Apr, 1 May, 8 May, 29 May, 12 Jul, 7 Aug, 28 Aug, 30 Nov, 25 Dec, 26 Dec = 14 -> 246).
    assertThat(days.workingDaysIn(d("2022-01-01"), d("2024-12-31"))).isEqualTo(245 + 246 + 249);
    assertThat(days.workingDaysIn(d("2024-12-31"), d("2024-12-30"))).isZero();
    assertThat(days.workingDaysIn(d("2025-12-25"), d("2025-12-25"))).isZero();
    assertThat(days.workingDaysIn(d("2025-12-24"), d("2025-12-24"))).isOne();
  }

  @Test
  void theYearCacheIsSafeUnderConcurrentUse() throws Exception {
    UkWorkingDays fresh = new UkWorkingDays();
    List<Integer> expected = IntStream.rangeClosed(2000, 2040)
        .mapToObj(y -> days.workingDaysIn(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)))
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<Integer>>> tasks = IntStream.range(0, 16)
          .<Callable<List<Integer>>>mapToObj(i -> () -> IntStream.rangeClosed(2000, 2040)
              .mapToObj(y -> fresh.workingDaysIn(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)))
              .toList())
          .toList();
      for (Future<List<Integer>> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
