package org.foiflow.similarity;

import static org.foiflow.casefile.CaseVariable.ORIGINAL_REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foiflow.schema.Backfill;
import org.foiflow.security.RetentionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway's V10.2 (a bean, so Spring Boot's Flyway runs it in its transaction and under its lock, as
 * search.SearchBackfill): the cases logged before similar requests (V10) get their request's terms from the engine's
 * history, the request as registered and a clarified request's, unless the case closed longer ago than the retention
 * period (whose words {@link SimilarRequests#forgetClosedBefore} would remove again). A batch of cases at a time, by
 * reference; only cases with no terms, so running it again changes nothing. Runs before the engine starts, hence
 * plain SQL over the engine's history table.
 */
@Component
public class SimilarRequestsBackfill extends Backfill {

  private static final List<String> VARIABLES = List.of(REQUEST_TEXT.key(), ORIGINAL_REQUEST_TEXT.key());

  private final RetentionSettings retention;

  public SimilarRequestsBackfill(RetentionSettings retention) {
    super("10.2", "similar requests backfill");
    this.retention = retention;
  }

  /** Answers how many cases got their request's terms from the history. */
  @Override
  public int backfill(Connection connection, LocalDate today) throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    if (!hasTable(connection, "act_hi_varinst")) {
      return 0;
    }
    Date closedBefore = Date.valueOf(today.minusDays(retention.closedCases().toDays()));
    int filled = 0;
    String after = "";
    while (true) {
      Map<String, String> instances = new HashMap<>();
      List<String> batch = new ArrayList<>();
      jdbc.query("SELECT reference, process_instance_id FROM foi_case c WHERE reference > ?"
              + " AND (closed_on IS NULL OR closed_on >= ?)"
              + " AND NOT EXISTS (SELECT 1 FROM foi_case_term t WHERE t.reference = c.reference)"
              + " ORDER BY reference FETCH FIRST " + BATCH + " ROWS ONLY",
          (ResultSet rs) -> {
            batch.add(rs.getString(1));
            instances.put(rs.getString(2), rs.getString(1));
          }, after, closedBefore);
      if (batch.isEmpty()) {
        return filled;
      }
      Map<String, Set<String>> terms = new HashMap<>();
      List<Object> args = new ArrayList<>(instances.keySet());
      args.addAll(VARIABLES);
      jdbc.query("SELECT proc_inst_id_, text_ FROM act_hi_varinst WHERE proc_inst_id_ IN ("
              + String.join(", ", Collections.nCopies(instances.size(), "?")) + ") AND name_ IN ("
              + String.join(", ", Collections.nCopies(VARIABLES.size(), "?")) + ")",
          (ResultSet rs) -> {
            // as SearchBackfill: a request over 4000 characters (casefile.LongText, in the byte-array table) has
            // no text_ and is left out
            terms.computeIfAbsent(instances.get(rs.getString(1)), reference -> new LinkedHashSet<>())
                .addAll(RequestTerms.of(rs.getString(2)));
          }, args.toArray());
      for (Map.Entry<String, Set<String>> found : terms.entrySet()) {
        if (!found.getValue().isEmpty()) {
          jdbc.batchUpdate("INSERT INTO foi_case_term (term, reference) VALUES (?, ?)", found.getValue().stream()
              .limit(RequestTerms.MAX_TERMS).map(term -> new Object[] {term, found.getKey()}).toList());
          filled++;
        }
      }
      after = batch.get(batch.size() - 1);
    }
  }

}
