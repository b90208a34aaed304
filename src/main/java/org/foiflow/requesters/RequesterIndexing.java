package org.foiflow.requesters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a case's requester keys into its foi_case row at registration, inside the engine's transaction (after
 * casefile.CaseIndex made the row), so a rolled-back registration leaves nothing behind.
 */
@Component
public class RequesterIndexing {

  private final JdbcTemplate jdbc;

  public RequesterIndexing(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void registered(String reference, String requesterName, String requesterEmail) {
    jdbc.update("UPDATE foi_case SET requester_name_key = ?, requester_email_key = ? WHERE reference = ?",
        clip(RequesterKey.name(requesterName), 200), clip(RequesterKey.email(requesterEmail), 320), reference);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
