package org.foiflow.contributions;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The foi_contribution rows, written in the engine's transaction (the steps of the contribution sub-process), so a
 * step rolled back leaves no row behind. Timestamps are the engine's clock, in UTC like the other tables.
 */
@Component
public class ContributionRecords {

  /** One contribution as recorded. */
  public record Contribution(String id, String reference, String processInstanceId, String unitGroupId,
                             String askedBy, LocalDate askedOn, LocalDate dueOn, Instant remindedAt,
                             Instant escalatedAt, Instant answeredAt, String answeredBy, String answer,
                             String whatHeld, String recommendedExemptions, BigDecimal hoursSpent, String suggestion,
                             boolean late, boolean causedLateResponse) {
  }

  /** A unit's answer, as its form gave it. */
  public record Answer(String answer, String answeredBy, String whatHeld, List<String> recommendedExemptions,
                       Double hoursSpent, String suggestion) {
  }

  private static final String COLUMNS = "id, reference, process_instance_id, unit_group_id, asked_by, asked_on,"
      + " due_on, reminded_at, escalated_at, answered_at, answered_by, answer, what_held, recommended_exemptions,"
      + " hours_spent, suggestion, late, caused_late_response";

  private final JdbcTemplate jdbc;

  public ContributionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void asked(String id, String reference, String processInstanceId, String unit, String askedBy, LocalDate askedOn,
             LocalDate dueOn) {
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_by, asked_on,"
        + " due_on) VALUES (?, ?, ?, ?, ?, ?, ?)", id, reference, processInstanceId, unit, askedBy,
        Date.valueOf(askedOn), Date.valueOf(dueOn));
  }

  public Optional<Contribution> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_contribution WHERE id = ?", ContributionRecords::row, id)
        .stream().findFirst();
  }

  /** Every contribution asked on a case, in the order asked. */
  public List<Contribution> ofCase(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM foi_contribution WHERE process_instance_id = ?"
        + " ORDER BY asked_on, answered_at", ContributionRecords::row, processInstanceId);
  }

  void reminded(String id) {
    jdbc.update("UPDATE foi_contribution SET reminded_at = ? WHERE id = ?", now(), id);
  }

  void escalated(String id) {
    jdbc.update("UPDATE foi_contribution SET escalated_at = ?, late = TRUE WHERE id = ?", now(), id);
  }

  /** The unit's answer; late when answered after its internal deadline (or escalated already). */
  void answered(String id, Answer answer, boolean afterDeadline) {
    jdbc.update("UPDATE foi_contribution SET answered_at = ?, answered_by = ?, answer = ?, what_held = ?,"
        + " recommended_exemptions = ?, hours_spent = ?, suggestion = ?, late = (late OR ?) WHERE id = ?",
        now(), answer.answeredBy(), answer.answer(), answer.whatHeld(),
        answer.recommendedExemptions().isEmpty() ? null : String.join(",", answer.recommendedExemptions()),
        answer.hoursSpent() == null ? null : BigDecimal.valueOf(answer.hoursSpent()), answer.suggestion(),
        afterDeadline, id);
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }

  private static Contribution row(ResultSet row, int n) throws SQLException {
    return new Contribution(row.getString("id"), row.getString("reference"), row.getString("process_instance_id"),
        row.getString("unit_group_id"), row.getString("asked_by"), row.getDate("asked_on").toLocalDate(),
        row.getDate("due_on").toLocalDate(), instant(row.getTimestamp("reminded_at")),
        instant(row.getTimestamp("escalated_at")), instant(row.getTimestamp("answered_at")),
        row.getString("answered_by"), row.getString("answer"), row.getString("what_held"),
        row.getString("recommended_exemptions"), row.getBigDecimal("hours_spent"), row.getString("suggestion"),
        row.getBoolean("late"), row.getBoolean("caused_late_response"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
