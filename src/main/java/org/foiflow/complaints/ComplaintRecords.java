package org.foiflow.complaints;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The foi_ico_complaint row of each complaint, kept in step with its process in the engine's transaction. */
@Component
public class ComplaintRecords {

  private final JdbcTemplate jdbc;

  public ComplaintRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void notified(String complaintId, String reference, String icoReference, LocalDate notifiedOn, LocalDate respondBy) {
    jdbc.update("INSERT INTO foi_ico_complaint (complaint_id, reference, ico_reference, notified_on, respond_by)"
        + " VALUES (?, ?, ?, ?, ?)", complaintId, reference, icoReference, Date.valueOf(notifiedOn), sql(respondBy));
  }

  public void responded(String complaintId, LocalDate respondedOn) {
    jdbc.update("UPDATE foi_ico_complaint SET responded_on = ? WHERE complaint_id = ?", sql(respondedOn), complaintId);
  }

  public void decided(String complaintId, String outcome, LocalDate noticeOn, boolean stepsOrdered, LocalDate stepsDueOn,
                      String appeal) {
    jdbc.update("UPDATE foi_ico_complaint SET decision_outcome = ?, decision_notice_on = ?, steps_ordered = ?,"
            + " steps_due_on = ?, appeal = ? WHERE complaint_id = ?",
        outcome, sql(noticeOn), stepsOrdered, sql(stepsDueOn), appeal, complaintId);
  }

  public void appealDecided(String complaintId, String appealOutcome, boolean stepsOrdered, LocalDate stepsDueOn) {
    jdbc.update("UPDATE foi_ico_complaint SET appeal_outcome = ?, steps_ordered = ?, steps_due_on = ? WHERE complaint_id = ?",
        appealOutcome, stepsOrdered, sql(stepsDueOn), complaintId);
  }

  public void stepsCompleted(String complaintId, LocalDate completedOn) {
    jdbc.update("UPDATE foi_ico_complaint SET steps_completed_on = ? WHERE complaint_id = ?", sql(completedOn), complaintId);
  }

  public void closed(String complaintId, LocalDate closedOn) {
    jdbc.update("UPDATE foi_ico_complaint SET closed_on = ? WHERE complaint_id = ?", sql(closedOn), complaintId);
  }

  /** The day the last review of the case that was carried out was answered, if one was (from foi_review). */
  public Optional<LocalDate> lastReviewResponseOn(String reference) {
    return jdbc.query("SELECT MAX(completed_on) FROM foi_review WHERE reference = ? AND accepted",
        (rs, n) -> rs.getDate(1), reference).stream().filter(Objects::nonNull).map(Date::toLocalDate).findFirst();
  }

  private static Date sql(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
