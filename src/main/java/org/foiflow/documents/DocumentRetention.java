package org.foiflow.documents;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A case's documents go when its history does: history cleanup removes a closed case's variables once
 * foiflow.retention.closed-cases has passed since it closed, and every night (01:40 London, in history cleanup's
 * window, after the search's own clean-up) the documents and redactions of such cases are deleted, as the search
 * index forgets their requester (search.SearchRetention).
 */
@Component
public class DocumentRetention {

  private final JdbcTemplate jdbc;
  private final RetentionSettings retention;
  private final CaseDocuments documents;

  public DocumentRetention(JdbcTemplate jdbc, RetentionSettings retention, CaseDocuments documents) {
    this.jdbc = jdbc;
    this.retention = retention;
    this.documents = documents;
  }

  // runs where scheduling is on (foiflow.letters.dispatch-schedule, on by default; off in the tests)
  @Scheduled(cron = "0 40 1 * * *", zone = "Europe/London")
  void nightly() {
    removeDocumentsPastRetention(LocalDate.now(ZoneId.of("Europe/London")));
  }

  /** Deletes the documents of every case closed longer ago than the retention period; answers how many cases had some. */
  public int removeDocumentsPastRetention(LocalDate today) {
    LocalDate closedBefore = today.minusDays(retention.closedCases().toDays());
    List<String> cases = jdbc.queryForList("SELECT DISTINCT d.process_instance_id FROM foi_document d"
        + " JOIN foi_case c ON c.process_instance_id = d.process_instance_id WHERE c.closed_on < ?", String.class,
        Date.valueOf(closedBefore));
    cases.forEach(documents::deleteAllOf);
    return cases.size();
  }
}
