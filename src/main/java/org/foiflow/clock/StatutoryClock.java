package org.foiflow.clock;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The statutory time limits of FOIA 2000 and the EIR 2004, counted in working days (FOIA s.10(6)); in a Scottish
 * installation those of FOISA 2002 (s.10(1): 20 working days; s.9(3): not while a fee is unpaid) and the EISR 2004
 * (reg 5(2)(a), reg 7: 40 working days), counted in FOISA s.73 working days: the calendar is the installation's
 * ({@link WorkingDaysSetting}).
 *
 * <p>"The twentieth working day following the date of receipt": the day of receipt never counts, so
 * day 1 is the first working day after it, whatever day of the week the request arrived.
 */
@Component
public class StatutoryClock {

  /** FOIA s.10(1), EIR reg 5(2). */
  public static final int RESPONSE_WORKING_DAYS = 20;
  /** EIR reg 7(1): complex and voluminous requests. */
  public static final int EIR_EXTENDED_WORKING_DAYS = 40;
  /** FOIA s.45 Code of Practice (2018), part 5: internal reviews within 20 working days. */
  public static final int REVIEW_WORKING_DAYS = 20;
  /** s.45 Code, part 5 (up to 20 more for complex reviews) and EIR reg 11(4) (no later than 40). */
  public static final int COMPLEX_REVIEW_WORKING_DAYS = 40;
  /** ICO guidance on s.10(3): a public interest extension of up to 20 further working days is reasonable. */
  public static final int PUBLIC_INTEREST_EXTENSION_GUIDANCE_WORKING_DAYS = 20;

  private final UkWorkingDays workingDays;

  public StatutoryClock(UkWorkingDays workingDays) {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
  }

  /** FOIA s.10(1), EIR reg 5(2): the 20th working day following the date of receipt. */
  public LocalDate responseDue(LocalDate receivedOn) {
    return responseDue(receivedOn, RESPONSE_WORKING_DAYS);
  }

  /** The n-th working day following the date of receipt (e.g. up to 60 under SI 2004/3364 for schools). */
  public LocalDate responseDue(LocalDate receivedOn, int workingDays) {
    Objects.requireNonNull(receivedOn, "receivedOn");
    if (workingDays <= 0) {
      throw new IllegalArgumentException("a time limit is a positive number of working days: " + workingDays);
    }
    return this.workingDays.addWorkingDays(receivedOn, workingDays);
  }

  /** EIR reg 7(1): 40 working days when the request is complex and voluminous. */
  public LocalDate eirComplexExtension(LocalDate receivedOn) {
    return responseDue(receivedOn, EIR_EXTENDED_WORKING_DAYS);
  }

  /**
   * Internal review: 20 working days (s.45 Code of Practice), 40 when complex (the Code's outer limit;
   * for environmental information the hard limit in EIR reg 11(4)).
   */
  public LocalDate internalReviewDue(LocalDate reviewRequestedOn, boolean complex) {
    return responseDue(reviewRequestedOn, complex ? COMPLEX_REVIEW_WORKING_DAYS : REVIEW_WORKING_DAYS);
  }

  /**
   * FOIA s.10(2): the working days from the day the fees notice is given to the day the fee is received,
   * both included, are disregarded, so the due date moves later by that many working days. Exact when the
   * notice is given after the day of receipt and no later than the due date, as s.9 requires in practice.
   */
  public LocalDate afterFeesPause(LocalDate due, LocalDate feesNoticeGivenOn, LocalDate feeReceivedOn) {
    Objects.requireNonNull(due, "due");
    if (feeReceivedOn.isBefore(feesNoticeGivenOn)) {
      throw new IllegalArgumentException(
          "fee received on " + feeReceivedOn + " before the fees notice of " + feesNoticeGivenOn);
    }
    return workingDays.addWorkingDays(due, workingDays.workingDaysIn(feesNoticeGivenOn, feeReceivedOn));
  }

  /**
   * FOIA s.1(3) with s.10(6) "date of receipt" (EIR reg 9(4)): once the clarification arrives the request
   * is treated as received that day, so a fresh 20 working days runs from it.
   */
  public LocalDate afterClarification(LocalDate clarificationReceivedOn) {
    return responseDue(clarificationReceivedOn);
  }

  /**
   * Working days left until the due date: positive before it, 0 on it, negative once past it (-1 on the
   * first working day after). Counted in working days, so on a weekend just after a Friday due date it is
   * still 0; {@link #status} looks at the dates and calls that OVERDUE.
   */
  public int workingDaysRemaining(LocalDate due, LocalDate today) {
    return workingDays.workingDaysBetween(today, due);
  }

  /** The day to chase the case: the given number of working days before the due date. */
  public LocalDate followUp(LocalDate due, int workingDaysBefore) {
    if (workingDaysBefore < 0) {
      throw new IllegalArgumentException("follow-up must be before the due date: " + workingDaysBefore);
    }
    return workingDays.addWorkingDays(due, -workingDaysBefore);
  }

  /**
   * FOIA s.10(3) allows a "reasonable" extension to consider the public interest; the ICO regards more
   * than 20 further working days beyond the original due date as needing exceptional justification.
   */
  public boolean extensionExceedsGuidance(LocalDate originalDue, LocalDate extendedDue) {
    LocalDate limit =
        workingDays.addWorkingDays(originalDue, PUBLIC_INTEREST_EXTENSION_GUIDANCE_WORKING_DAYS);
    return extendedDue.isAfter(limit);
  }

  /** PAUSED wins; then OVERDUE once today is past the due date; AT_RISK within the warning window. */
  public DeadlineStatus status(LocalDate due, LocalDate today, int atRiskWorkingDays, boolean paused) {
    if (paused) {
      return DeadlineStatus.PAUSED;
    }
    if (today.isAfter(due)) {
      return DeadlineStatus.OVERDUE;
    }
    return workingDaysRemaining(due, today) <= atRiskWorkingDays
        ? DeadlineStatus.AT_RISK
        : DeadlineStatus.ON_TRACK;
  }
}
