package org.foiflow.reporting;

import java.time.LocalDate;
import java.util.Map;
import org.foiflow.casefile.InvalidRequestException;

/**
 * A quarter of the Scottish Information Commissioner's statistics return. Scottish public authorities report by
 * the financial year divided into quarters: Q1 is April to June, Q2 July to September, Q3 October to December and Q4
 * January to March of the next calendar year. {@code year} is the financial year's first calendar year: 2026 Q3 is
 * 1 October to 31 December 2026, 2026 Q4 is 1 January to 31 March 2027 (the year 2026/27).
 */
public record ReturnQuarter(int year, int quarter) {

  public ReturnQuarter {
    if (quarter < 1 || quarter > 4) {
      throw new InvalidRequestException(Map.of("quarter", "must be 1 (April to June), 2 (July to September), "
          + "3 (October to December) or 4 (January to March): quarters of the financial year"));
    }
    if (year < 2005 || year > 9998) {
      throw new InvalidRequestException(Map.of("year", "must be a financial year from 2005 (FOISA came into force on"
          + " 1 January 2005), e.g. 2026 for 2026/27"));
    }
  }

  /** The quarter a day falls in. */
  public static ReturnQuarter of(LocalDate day) {
    int month = day.getMonthValue();
    return month >= 4 ? new ReturnQuarter(day.getYear(), (month - 4) / 3 + 1) : new ReturnQuarter(day.getYear() - 1, 4);
  }

  /** The first day of the quarter. */
  public LocalDate from() {
    return LocalDate.of(year, 4, 1).plusMonths(3L * (quarter - 1));
  }

  /** The last day of the quarter. */
  public LocalDate to() {
    return from().plusMonths(3).minusDays(1);
  }

  /** "2026/27". */
  public String financialYear() {
    return year + "/" + String.format("%02d", (year + 1) % 100);
  }
}
