package org.foiflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foiflow.assessment.ExemptionCitation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The quarterly statistics, each figure one GROUP BY or aggregate query over the case index (foi_case) and
 * the reporting tables the processes write (foi_case_report, foi_case_exemption, foi_review,
 * foi_ico_complaint, foi_contribution): the database counts, no case is loaded into memory. Periods select by the date a
 * request, a review request or a complaint was received.
 */
@Component
public class StatisticsQuery {

  /** The outcomes reported, in the order of the government's tables; LAPSED and WITHDRAWN are counted together. */
  static final List<String> OUTCOMES = List.of("GRANTED_IN_FULL", "GRANTED_IN_PART", "WITHHELD_IN_FULL", "NOT_HELD",
      "NCND", "REFUSED_S12", "REFUSED_S14", "LAPSED_OR_WITHDRAWN", "REDIRECTED_SAR");
  static final List<String> REVIEW_OUTCOMES = List.of("UPHELD", "OVERTURNED_IN_PART", "OVERTURNED_IN_FULL", "DECLINED_LATE");
  static final List<String> ICO_DECISIONS = List.of("UPHELD", "PARTLY_UPHELD", "NOT_UPHELD", "WITHDRAWN");
  /** ICO guidance on s.10(3): up to 20 further working days is reasonable. */
  static final int PUBLIC_INTEREST_GUIDANCE_WORKING_DAYS = 20;

  private final JdbcTemplate jdbc;

  public StatisticsQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Statistics between(LocalDate from, LocalDate to) {
    Date start = Date.valueOf(from);
    Date end = Date.valueOf(to);
    long[] r = new long[7];
    jdbc.query("SELECT COUNT(*),"
            + " SUM(CASE WHEN c.responded_on IS NOT NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN c.closed_on IS NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN c.closed_on IS NOT NULL AND c.responded_on IS NULL THEN 1 ELSE 0 END),"
            // the first due date: before an extension the ledger keeps it; otherwise it is the case's due date
            + " SUM(CASE WHEN c.responded_on <= COALESCE(r.original_due_on, c.due_on) THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN r.extended_due_on IS NOT NULL AND c.responded_on > r.original_due_on"
            + "   AND c.responded_on <= r.extended_due_on THEN 1 ELSE 0 END)"
            + " FROM foi_case c LEFT JOIN foi_case_report r ON r.reference = c.reference"
            + " WHERE c.received_on BETWEEN ? AND ?",
        rs -> {
          for (int i = 0; i < 6; i++) {
            r[i] = rs.getLong(i + 1);
          }
        }, start, end);
    Statistics.Requests requests = new Statistics.Requests(r[0], r[1], r[2], r[3]);
    long late = r[1] - r[4] - r[5];
    Statistics.Timeliness timeliness = new Statistics.Timeliness(r[1], r[4], r[5], late, percentage(r[4] + r[5], r[1]));

    Map<String, Long> outcomes = zeros(OUTCOMES);
    jdbc.query("SELECT CASE WHEN outcome IN ('LAPSED', 'WITHDRAWN') THEN 'LAPSED_OR_WITHDRAWN' ELSE outcome END AS reported,"
            + " COUNT(*) FROM foi_case WHERE received_on BETWEEN ? AND ? AND outcome IS NOT NULL AND closed_on IS NOT NULL"
            + " GROUP BY CASE WHEN outcome IN ('LAPSED', 'WITHDRAWN') THEN 'LAPSED_OR_WITHDRAWN' ELSE outcome END",
        rs -> {
          outcomes.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, start, end);

    List<Statistics.Cited> exemptions = jdbc.query("SELECT e.code, COUNT(DISTINCT e.reference) AS cases"
            + " FROM foi_case_exemption e JOIN foi_case c ON c.reference = e.reference"
            + " WHERE c.received_on BETWEEN ? AND ? GROUP BY e.code ORDER BY cases DESC, e.code",
        (rs, n) -> new Statistics.Cited(rs.getString(1), ExemptionCitation.of(rs.getString(1)), rs.getLong(2)), start, end);

    return new Statistics(from, to, requests, timeliness, outcomes, exemptions, extensions(start, end),
        reviews(start, end), complaints(start, end), lateResponsesByUnit(start, end));
  }

  private List<Statistics.LateUnit> lateResponsesByUnit(Date start, Date end) {
    return jdbc.query("SELECT b.unit_group_id, COALESCE(u.name, b.unit_group_id) AS name, COUNT(DISTINCT b.reference) AS cases"
            + " FROM foi_contribution b JOIN foi_case c ON c.reference = b.reference"
            + " LEFT JOIN foi_business_unit u ON u.group_id = b.unit_group_id"
            + " WHERE b.caused_late_response AND c.received_on BETWEEN ? AND ?"
            + " GROUP BY b.unit_group_id, u.name ORDER BY cases DESC, name",
        (rs, n) -> new Statistics.LateUnit(rs.getString(1), rs.getString(2), rs.getLong(3)), start, end);
  }

  private Statistics.Extensions extensions(Date start, Date end) {
    String cases = " FROM foi_case_report r JOIN foi_case c ON c.reference = r.reference"
        + " WHERE c.received_on BETWEEN ? AND ? AND r.extension_working_days IS NOT NULL";
    long[] totals = new long[4];
    jdbc.query("SELECT COUNT(*), SUM(r.extension_working_days), MAX(r.extension_working_days),"
            + " SUM(CASE WHEN r.extension_kind = 'PUBLIC_INTEREST' AND r.extension_working_days > "
            + PUBLIC_INTEREST_GUIDANCE_WORKING_DAYS + " THEN 1 ELSE 0 END)" + cases,
        rs -> {
          for (int i = 0; i < 4; i++) {
            totals[i] = rs.getLong(i + 1);
          }
        }, start, end);
    Map<String, Long> byKind = zeros(List.of("PUBLIC_INTEREST", "EIR_COMPLEX"));
    jdbc.query("SELECT r.extension_kind, COUNT(*)" + cases + " GROUP BY r.extension_kind",
        rs -> {
          byKind.merge(String.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
        }, start, end);
    List<Statistics.Length> lengths = jdbc.query("SELECT r.extension_working_days, COUNT(*)" + cases
            + " GROUP BY r.extension_working_days ORDER BY r.extension_working_days",
        (rs, n) -> new Statistics.Length(rs.getInt(1), rs.getLong(2)), start, end);
    BigDecimal average = totals[0] == 0 ? null
        : BigDecimal.valueOf(totals[1]).divide(BigDecimal.valueOf(totals[0]), 1, RoundingMode.HALF_UP);
    return new Statistics.Extensions(totals[0], byKind, average, totals[0] == 0 ? null : (int) totals[2], totals[3], lengths);
  }

  private Statistics.Reviews reviews(Date start, Date end) {
    long[] t = new long[6];
    jdbc.query("SELECT COUNT(*),"
            + " SUM(CASE WHEN late_request THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN outcome = 'DECLINED_LATE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN extended THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN completed_on IS NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN accepted AND completed_on <= due_on THEN 1 ELSE 0 END)"
            + " FROM foi_review WHERE received_on BETWEEN ? AND ?",
        rs -> {
          for (int i = 0; i < 6; i++) {
            t[i] = rs.getLong(i + 1);
          }
        }, start, end);
    Map<String, Long> outcomes = zeros(REVIEW_OUTCOMES);
    jdbc.query("SELECT outcome, COUNT(*) FROM foi_review WHERE received_on BETWEEN ? AND ? AND outcome IS NOT NULL"
        + " GROUP BY outcome", rs -> {
          outcomes.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, start, end);
    return new Statistics.Reviews(t[0], t[1], t[2], t[3], t[4], t[5], outcomes);
  }

  private Statistics.Complaints complaints(Date start, Date end) {
    long[] t = new long[4];
    jdbc.query("SELECT COUNT(*),"
            + " SUM(CASE WHEN closed_on IS NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN steps_ordered THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN appeal IS NOT NULL AND appeal <> 'NONE' THEN 1 ELSE 0 END)"
            + " FROM foi_ico_complaint WHERE notified_on BETWEEN ? AND ?",
        rs -> {
          for (int i = 0; i < 4; i++) {
            t[i] = rs.getLong(i + 1);
          }
        }, start, end);
    Map<String, Long> decisions = zeros(ICO_DECISIONS);
    jdbc.query("SELECT decision_outcome, COUNT(*) FROM foi_ico_complaint WHERE notified_on BETWEEN ? AND ?"
        + " AND decision_outcome IS NOT NULL GROUP BY decision_outcome", rs -> {
          decisions.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }, start, end);
    return new Statistics.Complaints(t[0], t[1], t[2], t[3], decisions);
  }

  private static Map<String, Long> zeros(List<String> keys) {
    Map<String, Long> map = new LinkedHashMap<>();
    keys.forEach(key -> map.put(key, 0L));
    return map;
  }

  static BigDecimal percentage(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
