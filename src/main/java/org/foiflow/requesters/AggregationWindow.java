package org.foiflow.requesters;

import java.time.LocalDate;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.stereotype.Component;

/**
 * The Fees Regulations 2004 reg 5: requests made "within any period of sixty consecutive working days" may be
 * aggregated. Two requests are within the window when the working days from the first one's receipt to the
 * second one's, both days counted, are no more than 60, by the statutory clock's calendar (bank holidays out).
 */
@Component
public class AggregationWindow {

  public static final int WORKING_DAYS = 60;

  private final UkWorkingDays workingDays;

  public AggregationWindow(UkWorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  public boolean contains(LocalDate one, LocalDate other) {
    LocalDate first = one.isBefore(other) ? one : other;
    LocalDate last = one.isBefore(other) ? other : one;
    return workingDays.workingDaysIn(first, last) <= WORKING_DAYS;
  }

  /** The earliest receipt date still in one window with a request received on {@code day} (for an indexed range). */
  public LocalDate earliestWith(LocalDate day) {
    return day.minusDays(WORKING_DAYS * 2L);
  }
}
