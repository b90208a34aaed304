package org.foiflow.search;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds cases, open and closed, in the case index (foi_case) by the words of their requester, subject and
 * request, received dates, outcome and exemption; newest first. One query for the page and one for the count,
 * whatever the number of cases. Words match the start of a word of the case (see {@link SearchText}): on
 * PostgreSQL through its full-text index (to_tsquery prefixes over the GIN index of V2_1), on H2 by LIKE.
 */
@Component
public class CaseSearch {

  /** One case found: what the results list shows. */
  public record Item(String reference, String subject, String requesterName, LocalDate receivedOn, LocalDate dueOn,
                     String stage, String outcome) {
  }

  /** The page of cases asked for, and how many cases match in all. */
  public record Found(long total, List<Item> items) {
  }

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public CaseSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Found find(SearchQuery query) {
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case c" + where, Long.class, args.toArray());
    args.add(query.size());
    args.add((long) query.page() * query.size());
    List<Item> items = jdbc.query("SELECT c.reference, c.subject, c.requester_name, c.received_on, c.due_on,"
            + " c.stage, c.outcome FROM foi_case c" + where
            + " ORDER BY c.received_on DESC, c.reference ASC LIMIT ? OFFSET ?",
        (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)),
        args.toArray());
    return new Found(total == null ? 0 : total, items);
  }

  private String where(SearchQuery query, List<Object> args) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!query.words().isEmpty()) {
      if (onPostgres()) {
        // SearchText leaves letters and digits only, so the words go into the tsquery as they are
        where.append(" AND to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ?)");
        args.add(query.words().stream().map(word -> word + ":*").collect(Collectors.joining(" & ")));
      } else {
        for (String word : query.words()) {
          where.append(" AND c.search_text LIKE ?");
          args.add("% " + word + "%");
        }
      }
    }
    switch (query.status()) {
      case open -> where.append(" AND c.closed_on IS NULL");
      case closed -> where.append(" AND c.closed_on IS NOT NULL");
      case all -> { }
    }
    if (query.receivedFrom() != null) {
      where.append(" AND c.received_on >= ?");
      args.add(Date.valueOf(query.receivedFrom()));
    }
    if (query.receivedTo() != null) {
      where.append(" AND c.received_on <= ?");
      args.add(Date.valueOf(query.receivedTo()));
    }
    if (query.outcome() != null) {
      where.append(" AND c.outcome = ?");
      args.add(query.outcome());
    }
    if (query.exemption() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM foi_case_exemption e WHERE e.reference = c.reference"
          + " AND LOWER(e.code) = ?)");
      args.add(query.exemption().toLowerCase(Locale.ROOT));
    }
    return where.toString();
  }

  private boolean onPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }
}
