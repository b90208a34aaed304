package org.foiflow.review;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The foi_review row of each internal review, kept in step with the review process inside the engine's
 * transaction, for the quarterly statistics. No personal data: the case reference, dates and outcome.
 */
@Component
public class ReviewRecords {

  private final JdbcTemplate jdbc;

  public ReviewRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void received(String reviewId, String reference, String regime, LocalDate receivedOn, boolean late,
                       LocalDate dueOn) {
    jdbc.update("INSERT INTO foi_review (review_id, reference, regime, received_on, late_request, due_on, extended)"
        + " VALUES (?, ?, ?, ?, ?, ?, FALSE)", reviewId, reference, regime, Date.valueOf(receivedOn), late,
        Date.valueOf(dueOn));
  }

  public void extended(String reviewId, LocalDate dueOn) {
    jdbc.update("UPDATE foi_review SET extended = TRUE, due_on = ? WHERE review_id = ?", Date.valueOf(dueOn), reviewId);
  }

  public void completed(String reviewId, boolean accepted, String outcome, String revisedOutcome, LocalDate completedOn) {
    jdbc.update("UPDATE foi_review SET accepted = ?, outcome = ?, revised_outcome = ?, completed_on = ? WHERE review_id = ?",
        accepted, outcome, revisedOutcome, Date.valueOf(completedOn), reviewId);
  }
}
