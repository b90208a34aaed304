package org.foiflow.search;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.foiflow.security.RetentionSettings;
import org.foiflow.similarity.SimilarRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search's copy of a requester's details goes when the case's history does: history cleanup removes a closed
 * case's variables once foiflow.retention.closed-cases has passed since it closed, and every night (01:30 London,
 * in history cleanup's window) the name and words of such cases are taken out of foi_case. What is left is what V1
 * kept: no personal data, and the case found by its reference only.
 */
@Component
public class SearchRetention {

  private final JdbcTemplate jdbc;
  private final RetentionSettings retention;
  private final SearchWords searchWords;
  private final SimilarRequests similarRequests;

  public SearchRetention(JdbcTemplate jdbc, RetentionSettings retention, SearchWords searchWords,
                         SimilarRequests similarRequests) {
    this.jdbc = jdbc;
    this.retention = retention;
    this.searchWords = searchWords;
    this.similarRequests = similarRequests;
  }

  // runs where scheduling is on (foiflow.letters.dispatch-schedule, on by default; off in the tests)
  @Transactional
  @Scheduled(cron = "0 30 1 * * *", zone = "Europe/London")
  void nightly() {
    forgetCasesPastRetention(LocalDate.now(ZoneId.of("Europe/London")));
  }

  /** Removes the requester and words of every case closed longer ago than the retention period; answers how many. */
  @Transactional
  public int forgetCasesPastRetention(LocalDate today) {
    LocalDate closedBefore = today.minusDays(retention.closedCases().toDays());
    if (searchWords.inWordTable()) {
      // the word table loses the requester's words too: each such case keeps its reference's words only
      jdbc.query("SELECT reference FROM foi_case WHERE closed_on < ? AND requester_name IS NOT NULL",
              (rs, n) -> rs.getString(1), Date.valueOf(closedBefore))
          .forEach(reference -> searchWords.replace(reference, SearchText.of(reference)));
    }
    // the request's terms (similar requests) are its words too
    similarRequests.forgetClosedBefore(closedBefore);
    return jdbc.update("UPDATE foi_case SET requester_name = NULL, subject = NULL, requester_name_key = NULL,"
        + " requester_email_key = NULL,"
        + " search_text = ' ' || LOWER(REPLACE(reference, '-', ' ')) || ' '"
        + " WHERE closed_on < ? AND requester_name IS NOT NULL", Date.valueOf(closedBefore));
  }
}
