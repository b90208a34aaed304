package org.foiflow.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What FOI managers report each quarter, for requests received (reviews asked for, complaints notified)
 * between two dates, both included. Counts are whole numbers; the percentage has one decimal place and is
 * null when nothing was answered.
 */
public record Statistics(LocalDate from, LocalDate to, Requests requests, Timeliness timeliness,
                         Map<String, Long> outcomes, List<Cited> exemptions, Extensions extensions,
                         Reviews internalReviews, Complaints icoComplaints, List<LateUnit> lateResponsesByUnit) {

  /**
   * A business unit whose late contribution made responses late (issue 18): the number of distinct cases, received
   * in the period, answered after their statutory date while the unit's contribution was late.
   */
  public record LateUnit(String unit, String name, long cases) {
  }

  /** Received; answered (a response sent); still open; closed without a response (lapsed, withdrawn). */
  public record Requests(long received, long answered, long open, long closedWithoutResponse) {
  }

  /**
   * The government's three categories for answered requests: within 20 working days (the statutory clock,
   * with clarification and fee pauses), within a permitted extension (public interest, s.10(3); EIR reg 7),
   * or late; on time is the first two.
   */
  public record Timeliness(long answered, long withinTwentyWorkingDays, long withinPermittedExtension, long late,
                           BigDecimal onTimePercentage) {
  }

  /** An exemption (FOIA) or exception (EIR) and the number of cases that cited it. */
  public record Cited(String code, String section, long cases) {
  }

  /** Extensions of the deadline: how many, of which kind, and their length in working days beyond the first date. */
  public record Extensions(long count, Map<String, Long> byKind, BigDecimal averageWorkingDays, Integer longestWorkingDays,
                           long publicInterestBeyondGuidance, List<Length> lengths) {
  }

  public record Length(int workingDays, long count) {
  }

  /** Internal reviews (EIR: reconsiderations) asked for in the period and how they ended. */
  public record Reviews(long received, long lateRequests, long declinedAsLate, long extended, long pending,
                        long completedInTime, Map<String, Long> outcomes) {
  }

  /** Complaints the Information Commissioner notified (s.50) in the period and the decision notices. */
  public record Complaints(long received, long pending, long stepsOrdered, long appealed, Map<String, Long> decisions) {
  }
}
