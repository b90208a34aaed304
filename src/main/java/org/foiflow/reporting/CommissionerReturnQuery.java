package org.foiflow.reporting;

import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.casefile.Regime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Scottish Information Commissioner's quarterly return ({@link CommissionerReturn}), each figure a GROUP BY or
 * aggregate query over the case index (foi_case) and the tables the processes write (foi_case_exemption, foi_review,
 * foi_ico_complaint); only the cases that lapsed are looked up in the engine's history, to tell a fee not paid (a
 * fees notice was given) from a clarification never received.
 */
@Component
public class CommissionerReturnQuery {

  private static final Map<String, String> OUTCOME_OF_CASE = Map.of("GRANTED_IN_FULL", "fullyDisclosed",
      "GRANTED_IN_PART", "partiallyDisclosed", "WITHHELD_IN_FULL", "withheldInFull", "NCND", "withheldInFull",
      "NOT_HELD", "notHeld", "REFUSED_S14", "rejectedVexatiousOrRepeated", "REFUSED_S12", "rejectedExcessiveCost",
      "WITHDRAWN", "withdrawnOrLapsed", "LAPSED", "withdrawnOrLapsed");

  private static final Map<String, String> OUTCOME_OF_REVIEW = Map.of("UPHELD", "confirmedWithoutModification",
      "OVERTURNED_IN_PART", "confirmedWithModifications", "OVERTURNED_IN_FULL", "differentDecisionSubstituted",
      "DECLINED_LATE", "notAcceptedAsLate");

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;

  public CommissionerReturnQuery(JdbcTemplate jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  public CommissionerReturn of(ReturnQuarter quarter) {
    Date start = Date.valueOf(quarter.from());
    Date end = Date.valueOf(quarter.to());
    return new CommissionerReturn(quarter.financialYear(), quarter.quarter(), quarter.from(), quarter.to(),
        figures(Regime.FOISA, start, end), figures(Regime.EISR, start, end));
  }

  private CommissionerReturn.Figures figures(Regime regime, Date start, Date end) {
    String law = regime.name();
    long received = count("SELECT COUNT(*) FROM foi_case WHERE regime = ? AND received_on BETWEEN ? AND ?",
        law, start, end);
    long[] responded = new long[2];
    jdbc.query("SELECT COUNT(*), SUM(CASE WHEN responded_on <= due_on THEN 1 ELSE 0 END) FROM foi_case"
        + " WHERE regime = ? AND responded_on BETWEEN ? AND ?", rs -> {
          responded[0] = rs.getLong(1);
          responded[1] = rs.getLong(2);
        }, law, start, end);

    Map<String, Long> outcomes = zeros(CommissionerReturn.OUTCOMES);
    // a response is reported in the quarter it was sent; a case closed without one, in the quarter it closed
    jdbc.query("SELECT outcome, COUNT(*) FROM foi_case WHERE regime = ? AND outcome IS NOT NULL"
            + " AND closed_on IS NOT NULL AND COALESCE(responded_on, closed_on) BETWEEN ? AND ? GROUP BY outcome",
        rs -> {
          outcomes.merge(OUTCOME_OF_CASE.getOrDefault(rs.getString(1), "other"), rs.getLong(2), Long::sum);
        }, law, start, end);
    long feeNotPaid = lapsedAfterAFeesNotice(law, start, end);
    outcomes.merge("withdrawnOrLapsed", -feeNotPaid, Long::sum);
    outcomes.merge("feeNotPaid", feeNotPaid, Long::sum);

    List<Statistics.Cited> exemptions = jdbc.query("SELECT e.code, COUNT(DISTINCT e.reference) AS cases"
            + " FROM foi_case_exemption e JOIN foi_case c ON c.reference = e.reference"
            + " WHERE c.regime = ? AND c.responded_on BETWEEN ? AND ? GROUP BY e.code ORDER BY cases DESC, e.code",
        (rs, n) -> new Statistics.Cited(rs.getString(1), ExemptionCitation.of(rs.getString(1)), rs.getLong(2)),
        law, start, end);

    long reviewsReceived = count("SELECT COUNT(*) FROM foi_review WHERE regime = ? AND received_on BETWEEN ? AND ?",
        law, start, end);
    Map<String, Long> reviewOutcomes = zeros(CommissionerReturn.REVIEW_OUTCOMES);
    jdbc.query("SELECT r.outcome, CASE WHEN c.responded_on IS NULL THEN 1 ELSE 0 END AS undecided, COUNT(*)"
            + " FROM foi_review r LEFT JOIN foi_case c ON c.reference = r.reference"
            + " WHERE r.regime = ? AND r.outcome IS NOT NULL AND r.completed_on BETWEEN ? AND ?"
            + " GROUP BY r.outcome, CASE WHEN c.responded_on IS NULL THEN 1 ELSE 0 END",
        rs -> {
          String outcome = rs.getString(1);
          // s.21(4)(c): the review made a decision the authority had never made (no response had been sent)
          String reported = rs.getInt(2) == 1 && !"UPHELD".equals(outcome) && !"DECLINED_LATE".equals(outcome)
              ? "decisionReachedWhereNoneMade" : OUTCOME_OF_REVIEW.get(outcome);
          if (reported != null) {
            reviewOutcomes.merge(reported, rs.getLong(3), Long::sum);
          }
        }, law, start, end);

    long applications = count("SELECT COUNT(*) FROM foi_ico_complaint k JOIN foi_case c ON c.reference = k.reference"
        + " WHERE c.regime = ? AND k.notified_on BETWEEN ? AND ?", law, start, end);
    return new CommissionerReturn.Figures(law, received, responded[0], responded[1], outcomes, exemptions,
        new CommissionerReturn.Reviews(reviewsReceived, reviewOutcomes), applications);
  }

  /** Cases closed as lapsed in the period after a fees notice: the fee was not paid (FOISA s.9(3)). */
  private long lapsedAfterAFeesNotice(String law, Date start, Date end) {
    List<String> lapsed = jdbc.queryForList("SELECT process_instance_id FROM foi_case WHERE regime = ?"
        + " AND outcome = 'LAPSED' AND closed_on BETWEEN ? AND ?", String.class, law, start, end);
    if (lapsed.isEmpty()) {
      return 0;
    }
    return historyService.createHistoricVariableInstanceQuery().variableName(FEES_NOTICE_GIVEN_ON.key())
        .processInstanceIdIn(lapsed.toArray(String[]::new)).list().stream()
        .filter(variable -> variable.getValue() != null).map(HistoricVariableInstance::getProcessInstanceId)
        .distinct().count();
  }

  private long count(String sql, Object... arguments) {
    Long count = jdbc.queryForObject(sql, Long.class, arguments);
    return count == null ? 0 : count;
  }

  private static Map<String, Long> zeros(List<String> keys) {
    Map<String, Long> map = new LinkedHashMap<>();
    keys.forEach(key -> map.put(key, 0L));
    return map;
  }
}
