package org.foiflow.search;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds cases, open and closed, in the case index (foi_case) by the words of their requester, subject and
 * request, received dates, outcome and exemption; newest first. One query for the page and one for the count,
 * whatever the number of cases. Words match the start of a word of the case (see {@link SearchText}): on
 * PostgreSQL through its full-text index (to_tsquery prefixes over the GIN index of V2_1), on H2 through the word
 * table foi_case_word ({@link SearchWords}).
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
  private final SearchWords searchWords;

  public CaseSearch(JdbcTemplate jdbc, SearchWords searchWords) {
    this.jdbc = jdbc;
    this.searchWords = searchWords;
  }

  public Found find(SearchQuery query) {
    List<Object> args = new ArrayList<>();
    String from = from(query, args);
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args.toArray());
    args.add(query.size());
    args.add((long) query.page() * query.size());
    List<Item> items = jdbc.query("SELECT c.reference, c.subject, c.requester_name, c.received_on, c.due_on,"
            + " c.stage, c.outcome" + from + " ORDER BY c.received_on DESC, c.reference ASC LIMIT ? OFFSET ?",
        (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)),
        args.toArray());
    return new Found(total == null ? 0 : total, items);
  }

  /** FROM and WHERE of the page and the count, their arguments added to args in order. */
  private String from(SearchQuery query, List<Object> args) {
    StringBuilder from = new StringBuilder(" FROM foi_case c");
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!query.words().isEmpty()) {
      if (searchWords.inWordTable()) {
        // The rarest word's cases are the candidates (one index range, however many cases there are); each
        // other word is one indexed lookup per candidate. LIKE over search_text read every case instead.
        List<String> words = searchWords.rarestFirst(query.words());
        String rarest = SearchWords.cut(words.get(0));
        from.append(" JOIN (SELECT DISTINCT w.reference FROM foi_case_word w WHERE w.word >= ? AND w.word < ?) r"
            + " ON r.reference = c.reference");
        args.add(rarest);
        args.add(SearchWords.after(rarest));
        for (String other : words.subList(1, words.size())) {
          String word = SearchWords.cut(other);
          where.append(" AND EXISTS (SELECT 1 FROM foi_case_word w WHERE w.reference = c.reference"
              + " AND w.word >= ? AND w.word < ?)");
          args.add(word);
          args.add(SearchWords.after(word));
        }
      } else {
        // SearchText leaves letters and digits only, so the words go into the tsquery as they are
        where.append(" AND to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ?)");
        // a word of one character is matched whole: as a prefix ("2:*") it matches a token of nearly every case
        // (years, reference numbers), and the GIN index then reads every case (3.5 s at 150 000 cases, issue 21)
        args.add(query.words().stream().map(word -> word.length() == 1 ? word : word + ":*")
            .collect(Collectors.joining(" & ")));
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
    return from.append(where).toString();
  }
}
