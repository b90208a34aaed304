package org.foiflow.casefile;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the foi_case row of each case in step with the process, inside the engine's own transaction: a
 * rolled-back step leaves the index as it was. Only the process beans and listeners write here.
 */
@Component
public class CaseIndex {

  private final JdbcTemplate jdbc;

  public CaseIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds the case. A second submission with the same fingerprint (requester, request, receipt date) breaks
   * the unique index, also when two arrive at once on two nodes, and is refused naming the first case.
   */
  public void registered(String reference, String processInstanceId, String regime, String channel,
                         LocalDate receivedOn, LocalDate dueOn, String fingerprint) {
    try {
      jdbc.update("INSERT INTO foi_case (reference, process_instance_id, regime, channel, received_on, due_on, clock,"
              + " stage, intake_fingerprint) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', 'Register request', ?)",
          reference, processInstanceId, regime, channel, Date.valueOf(receivedOn), Date.valueOf(dueOn), fingerprint);
    } catch (DuplicateKeyException duplicate) {
      throw new DuplicateRequestException(fingerprint);
    }
  }

  public java.util.Optional<String> referenceOf(String fingerprint) {
    return jdbc.queryForList("SELECT reference FROM foi_case WHERE intake_fingerprint = ?", String.class, fingerprint)
        .stream().findFirst();
  }

  public void clock(String processInstanceId, String clock, String pausedReason, LocalDate dueOn) {
    jdbc.update("UPDATE foi_case SET clock = ?, clock_paused_reason = ?, due_on = COALESCE(?, due_on)"
        + " WHERE process_instance_id = ?", clock, pausedReason, dueOn == null ? null : Date.valueOf(dueOn),
        processInstanceId);
  }

  public void stage(String processInstanceId, String stage, String assignee) {
    jdbc.update("UPDATE foi_case SET stage = ?, assignee = ? WHERE process_instance_id = ?",
        stage, assignee, processInstanceId);
  }


  public void closed(String processInstanceId, String outcome, LocalDate closedOn, LocalDate respondedOn) {
    jdbc.update("UPDATE foi_case SET outcome = ?, closed_on = ?, responded_on = ?, clock = 'STOPPED',"
            + " clock_paused_reason = NULL, stage = NULL, assignee = NULL WHERE process_instance_id = ?",
        outcome, Date.valueOf(closedOn), respondedOn == null ? null : Date.valueOf(respondedOn), processInstanceId);
  }
}
