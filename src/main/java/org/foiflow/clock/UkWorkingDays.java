package org.foiflow.clock;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Working days as FOIA s.10(6) (and EIR reg 2(1)) define them: any day other than a Saturday, a Sunday,
 * Christmas Day, Good Friday, or a day that is a bank holiday under the Banking and Financial Dealings
 * Act 1971 in <em>any</em> part of the United Kingdom.
 *
 * <p>So a Scottish or Northern Irish bank holiday stops the clock for an English authority too: the
 * calendar here is the union of the England, Wales, Scotland and Northern Ireland bank holidays, on the
 * day they are observed (substitute days included), plus the one-off days appointed by proclamation.
 * jollyday 2.19 carries the one-offs (2022-06-02/03, 2022-09-19, 2023-05-08, Scotland 2026-06-15), so
 * none are listed here.
 *
 * <p>Each year is worked out once and kept, as a day-by-day table with running totals, because deadline
 * views ask about a great many dates.
 *
 * <p>This is the calendar of FOIA and EIR cases. A Scottish installation ({@code foiflow.jurisdiction: scotland})
 * counts FOISA s.73 working days instead, Scotland's bank holidays alone: {@link ScottishWorkingDays}, a kind of
 * this class, so that everything that counts working days for a case takes the installation's calendar
 * ({@link WorkingDaysSetting} makes the one bean).
 */
public class UkWorkingDays {

  /** Every part of the UK with its own bank holidays; Wales is the same as England today, kept for safety. */
  private static final String[] UK_NATIONS = {"eng", "wls", "sct", "nir"};

  private final HolidayManager holidays;
  private final String[] nations;
  private final ConcurrentMap<Integer, YearTable> years = new ConcurrentHashMap<>();

  public UkWorkingDays() {
    this(ukHolidays());
  }

  UkWorkingDays(HolidayManager holidays) {
    this(holidays, UK_NATIONS);
  }

  /** The bank holidays of the given parts of the UK (jollyday subdivisions, e.g. "sct"). */
  protected UkWorkingDays(HolidayManager holidays, String... nations) {
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    this.nations = nations.clone();
  }

  static HolidayManager ukHolidays() {
    return HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  }

  public boolean isWorkingDay(LocalDate day) {
    return year(day.getYear()).isWorking(day.getDayOfYear());
  }

  /**
   * The n-th working day following {@code from} ({@code from} itself never counts and need not be a
   * working day); for negative n the n-th working day before it; {@code from} for n == 0.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    Objects.requireNonNull(from, "from");
    int step = n >= 0 ? 1 : -1;
    int remaining = Math.abs(n);
    LocalDate day = from;
    while (remaining > 0) {
      day = day.plusDays(step);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /**
   * Working days in (from, to]; when {@code to} is before {@code from}, minus the working days in
   * (to, from]; 0 when they are the same day.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int order = to.compareTo(from);
    if (order == 0) {
      return 0;
    }
    return order > 0
        ? workingDaysIn(from.plusDays(1), to)
        : -workingDaysIn(to.plusDays(1), from);
  }

  /** Working days from {@code firstInclusive} to {@code lastInclusive}; 0 when the range is empty. */
  public int workingDaysIn(LocalDate firstInclusive, LocalDate lastInclusive) {
    if (lastInclusive.isBefore(firstInclusive)) {
      return 0;
    }
    int count = 0;
    LocalDate start = firstInclusive;
    while (start.getYear() < lastInclusive.getYear()) {
      YearTable table = year(start.getYear());
      count += table.count(start.getDayOfYear(), table.length());
      start = LocalDate.of(start.getYear() + 1, 1, 1);
    }
    return count + year(start.getYear()).count(start.getDayOfYear(), lastInclusive.getDayOfYear());
  }

  private YearTable year(int year) {
    return years.computeIfAbsent(year, this::build);
  }

  private YearTable build(int year) {
    int length = Year.of(year).length();
    boolean[] working = new boolean[length + 1]; // index = day of year, 1-based
    for (int doy = 1; doy <= length; doy++) {
      DayOfWeek dow = Year.of(year).atDay(doy).getDayOfWeek();
      working[doy] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
    // Christmas Day is named in s.10(6) itself (a common-law holiday, not a 1971 Act one in England).
    working[LocalDate.of(year, Month.DECEMBER, 25).getDayOfYear()] = false;
    // getDate() is the day the holiday is observed (the substitute Monday or Tuesday when the
    // nominal day is at a weekend); getActualDate() would be the nominal day. Neighbouring years are
    // asked too, so that a substitute day crossing New Year could never be missed.
    for (int y = year - 1; y <= year + 1; y++) {
      for (String nation : nations) {
        for (Holiday holiday : holidays.getHolidays(Year.of(y), nation)) {
          LocalDate observed = holiday.getDate();
          if (observed.getYear() == year) {
            working[observed.getDayOfYear()] = false;
          }
        }
      }
    }
    return new YearTable(working);
  }

  /** One year's working days, with running totals so that counting over a range costs two look-ups. */
  private static final class YearTable {
    private final boolean[] working;
    private final int[] workingUpTo; // workingUpTo[d] = working days from 1 January to day d inclusive

    YearTable(boolean[] working) {
      this.working = working;
      this.workingUpTo = new int[working.length];
      for (int doy = 1; doy < working.length; doy++) {
        workingUpTo[doy] = workingUpTo[doy - 1] + (working[doy] ? 1 : 0);
      }
    }

    int length() {
      return working.length - 1;
    }

    boolean isWorking(int dayOfYear) {
      return working[dayOfYear];
    }

    int count(int firstDayOfYear, int lastDayOfYear) {
      return workingUpTo[lastDayOfYear] - workingUpTo[firstDayOfYear - 1];
    }
  }
}
