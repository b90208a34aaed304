package org.foiflow.search;

import static org.foiflow.casefile.CaseVariable.ORIGINAL_REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

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
import java.util.stream.Stream;
import org.foiflow.schema.Backfill;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway's V3.2 (picked up as a bean by Spring Boot's Flyway set-up, so it runs in Flyway's transaction and under
 * its lock: with two nodes starting at once, one runs it and the other finds it done). Makes the cases logged
 * before the search (V2) searchable, and fills H2's word table (V3.1) for every case:
 * <ul>
 *   <li>a case with no requester in foi_case gets its requester, subject and words from the engine's history, the
 *   variables {@link SearchIndexing} was given at registration (and a clarified request's), unless its history
 *   is gone or it closed longer ago than the retention period (what {@link SearchRetention} would remove again);
 *   <li>on H2, each case's words go into foi_case_word from its search_text.
 * </ul>
 * A batch of cases at a time, by reference; it changes only rows with no requester, so running it again changes
 * nothing. Runs before the engine starts, hence plain SQL over the engine's history table.
 */
@Component
public class SearchBackfill extends Backfill {

  private static final List<String> VARIABLES = Stream.of(REQUESTER_NAME, REQUESTER_EMAIL, SUBJECT, REQUEST_TEXT,
      ORIGINAL_REQUEST_TEXT).map(variable -> variable.key()).toList();

  private final RetentionSettings retention;

  public SearchBackfill(RetentionSettings retention) {
    super("3.2", "case search backfill");
    this.retention = retention;
  }

  /** Answers how many cases got their requester and words back from the history. */
  @Override
  public int backfill(Connection connection, LocalDate today) throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    boolean wordTable = connection.getMetaData().getDatabaseProductName().startsWith("H2");
    boolean history = hasTable(connection, "act_hi_varinst");
    Date closedBefore = Date.valueOf(today.minusDays(retention.closedCases().toDays()));
    int restored = 0;
    String after = "";
    while (true) {
      // H2 visits every case (each one's words go into the word table); PostgreSQL only those with no requester
      List<Case> cases = jdbc.query("SELECT reference, process_instance_id, requester_name, closed_on, search_text"
              + " FROM foi_case WHERE reference > ?" + (wordTable ? "" : " AND requester_name IS NULL")
              + " ORDER BY reference LIMIT " + BATCH,
          (rs, n) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3) == null
              && (rs.getDate(4) == null || !rs.getDate(4).before(closedBefore)), rs.getString(5)), after);
      if (cases.isEmpty()) {
        return restored;
      }
      Map<String, Map<String, String>> variables = history ? variables(jdbc, cases) : Map.of();
      for (Case found : cases) {
        String searchText = found.searchText();
        Map<String, String> given = variables.getOrDefault(found.processInstanceId(), Map.of());
        if (found.lacksRequester() && given.get(REQUESTER_NAME.key()) != null) {
          String original = given.get(ORIGINAL_REQUEST_TEXT.key());
          String requestText = given.get(REQUEST_TEXT.key());
          // as SearchIndexing left it: the request as registered, then a clarified request's words
          searchText = SearchText.of(found.reference(), given.get(REQUESTER_NAME.key()),
              given.get(REQUESTER_EMAIL.key()), given.get(SUBJECT.key()), original != null ? original : requestText,
              original != null ? requestText : null);
          restored += jdbc.update("UPDATE foi_case SET requester_name = ?, subject = ?, search_text = ?"
                  + " WHERE reference = ? AND requester_name IS NULL",
              SearchIndexing.clip(given.get(REQUESTER_NAME.key()), 200),
              SearchIndexing.clip(given.get(SUBJECT.key()), 300), searchText, found.reference());
        }
        if (wordTable) {
          SearchWords.replace(jdbc, found.reference(), searchText);
        }
      }
      after = cases.get(cases.size() - 1).reference();
    }
  }

  /** The variables the search is made of, by process instance, for the cases of one batch that need them. */
  private static Map<String, Map<String, String>> variables(JdbcTemplate jdbc, List<Case> cases) {
    List<String> instances = cases.stream().filter(Case::lacksRequester).map(Case::processInstanceId).toList();
    Map<String, Map<String, String>> byInstance = new HashMap<>();
    if (instances.isEmpty()) {
      return byInstance;
    }
    List<Object> args = new ArrayList<>(instances);
    args.addAll(VARIABLES);
    jdbc.query("SELECT proc_inst_id_, name_, text_ FROM act_hi_varinst WHERE proc_inst_id_ IN ("
            + String.join(", ", Collections.nCopies(instances.size(), "?")) + ") AND name_ IN ("
            + String.join(", ", Collections.nCopies(VARIABLES.size(), "?")) + ")",
        (ResultSet rs) -> {
          byInstance.computeIfAbsent(rs.getString(1), instance -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        }, args.toArray());
    return byInstance;
  }

  /** A case of the batch; lacksRequester: no requester in foi_case, and not past the retention period. */
  private record Case(String reference, String processInstanceId, boolean lacksRequester, String searchText) {
  }
}
