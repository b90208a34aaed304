package org.foiflow.requesters;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A requester's other requests: the cases whose requester has the same email key or the same name key as this
 * case's (RequesterKey), newest first, each saying which matched and whether it is within the Fees Regulations'
 * 60-working-day window of this one. Two indexed lookups, whatever the number of cases.
 */
@Component
public class RequesterHistory {

  /** How another case's requester was recognised as this one's. */
  public enum MatchedBy { EMAIL, NAME, EMAIL_AND_NAME }

  /** One of the requester's other requests. */
  public record OtherRequest(String reference, String subject, LocalDate receivedOn, String stage, String outcome,
                             LocalDate respondedOn, MatchedBy matchedBy, boolean withinAggregationWindow) {
  }

  /** The most of a requester's other requests listed (newest first). */
  static final int MOST = 100;

  private final JdbcTemplate jdbc;
  private final AggregationWindow window;

  public RequesterHistory(JdbcTemplate jdbc, AggregationWindow window) {
    this.jdbc = jdbc;
    this.window = window;
  }

  /** The other requests of the requester of {@code reference}; empty when there is no such case. */
  public List<OtherRequest> of(String reference) {
    List<Map<String, Object>> self = jdbc.queryForList(
        "SELECT requester_email_key, requester_name_key, received_on FROM foi_case WHERE reference = ?", reference);
    if (self.isEmpty()) {
      return List.of();
    }
    String emailKey = (String) self.get(0).get("requester_email_key");
    String nameKey = (String) self.get(0).get("requester_name_key");
    LocalDate receivedOn = ((Date) self.get(0).get("received_on")).toLocalDate();
    if (emailKey == null && nameKey == null) {
      return List.of();
    }
    // each key on its own index; a case matched by both comes back once
    return jdbc.query("SELECT reference, subject, received_on, stage, outcome, responded_on,"
            + " requester_email_key, requester_name_key FROM foi_case WHERE reference IN ("
            + " SELECT reference FROM foi_case WHERE requester_email_key = ? UNION"
            + " SELECT reference FROM foi_case WHERE requester_name_key = ?)"
            + " AND reference <> ? ORDER BY received_on DESC, reference DESC LIMIT " + MOST,
        (rs, n) -> {
          LocalDate theirs = rs.getDate(3).toLocalDate();
          boolean email = emailKey != null && emailKey.equals(rs.getString(7));
          boolean name = nameKey != null && nameKey.equals(rs.getString(8));
          return new OtherRequest(rs.getString(1), rs.getString(2), theirs, rs.getString(4), rs.getString(5),
              Optional.ofNullable(rs.getDate(6)).map(Date::toLocalDate).orElse(null),
              email && name ? MatchedBy.EMAIL_AND_NAME : email ? MatchedBy.EMAIL : MatchedBy.NAME,
              window.contains(receivedOn, theirs));
        },
        emailKey == null ? "" : emailKey, nameKey == null ? "" : nameKey, reference);
  }
}
