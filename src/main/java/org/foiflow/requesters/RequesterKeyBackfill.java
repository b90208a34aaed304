package org.foiflow.requesters;

import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.foiflow.schema.Backfill;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway's V9.1 (a bean, like search.SearchBackfill, so it runs in Flyway's transaction and under its lock): gives
 * the cases logged before V9 their requester keys, so their requester's history includes them. The name key comes
 * from foi_case.requester_name, the email key from the engine's history (the requesterEmail given at registration).
 * A case whose requester was forgotten (no requester_name: past the retention period) stays without keys, and so
 * does one closed longer ago than the retention period, which search.SearchRetention would clear again. Only rows
 * with no key are changed, a batch at a time, so running it again changes nothing.
 */
@Component
public class RequesterKeyBackfill extends Backfill {

  private final RetentionSettings retention;

  public RequesterKeyBackfill(RetentionSettings retention) {
    super("9.1", "requester keys backfill");
    this.retention = retention;
  }

  /** Answers how many cases got their keys. */
  @Override
  public int backfill(Connection connection, LocalDate today) throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    boolean history = hasTable(connection, "act_hi_varinst");
    Date closedBefore = Date.valueOf(today.minusDays(retention.closedCases().toDays()));
    int keyed = 0;
    String after = "";
    while (true) {
      List<Case> cases = jdbc.query("SELECT reference, process_instance_id, requester_name FROM foi_case"
              + " WHERE reference > ? AND requester_name IS NOT NULL AND requester_name_key IS NULL"
              + " AND requester_email_key IS NULL AND (closed_on IS NULL OR closed_on >= ?)"
              + " ORDER BY reference LIMIT " + BATCH,
          (rs, n) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3)), after, closedBefore);
      if (cases.isEmpty()) {
        return keyed;
      }
      Map<String, String> emails = history ? emails(jdbc, cases) : Map.of();
      for (Case found : cases) {
        String nameKey = clip(RequesterKey.name(found.requesterName()), 200);
        String emailKey = clip(RequesterKey.email(emails.get(found.processInstanceId())), 320);
        if (nameKey != null || emailKey != null) {
          keyed += jdbc.update("UPDATE foi_case SET requester_name_key = ?, requester_email_key = ?"
              + " WHERE reference = ?", nameKey, emailKey, found.reference());
        }
      }
      after = cases.get(cases.size() - 1).reference();
    }
  }

  /** The requester's email as registered, by process instance, for one batch. */
  private static Map<String, String> emails(JdbcTemplate jdbc, List<Case> cases) {
    List<Object> args = new ArrayList<>(cases.stream().map(Case::processInstanceId).toList());
    args.add(REQUESTER_EMAIL.key());
    Map<String, String> byInstance = new HashMap<>();
    jdbc.query("SELECT proc_inst_id_, text_ FROM act_hi_varinst WHERE proc_inst_id_ IN ("
            + String.join(", ", Collections.nCopies(cases.size(), "?")) + ") AND name_ = ?",
        (ResultSet rs) -> {
          if (rs.getString(2) != null) {
            byInstance.put(rs.getString(1), rs.getString(2));
          }
        }, args.toArray());
    return byInstance;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private record Case(String reference, String processInstanceId, String requesterName) {
  }
}
