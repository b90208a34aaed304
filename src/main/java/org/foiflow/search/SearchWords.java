package org.foiflow.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.foiflow.casefile.CaseDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the database finds a case's words. PostgreSQL: its full-text index over search_text (V2_1), nothing to keep.
 * H2: the word table foi_case_word (db/vendor/h2/V3_1), kept here in step with search_text, and searched by a
 * range of its key per word: the rarest word picks the candidate cases, each other word is one lookup per case.
 * Both give the cases that have, for every search word, a word starting with it.
 */
@Component
public class SearchWords {

  /** The word table's column width: a longer word is cut, when stored and when searched. */
  static final int MAX_WORD_CHARS = 100;
  /**
   * How far {@link #rarestFirst} counts a word's cases: enough to tell a rare word from a common one, and cheap
   * (an index range read no further than this).
   */
  private static final int PROBE_LIMIT = 1_000;

  private final JdbcTemplate jdbc;
  private final CaseDatabase database;

  public SearchWords(JdbcTemplate jdbc, CaseDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Whether words are kept in foi_case_word (H2) rather than found by PostgreSQL's full-text index. */
  boolean inWordTable() {
    return !database.isPostgres();
  }

  /** The case's search_text changed (or was first written): its words in the word table follow. */
  void replace(String reference, String searchText) {
    if (inWordTable()) {
      replace(jdbc, reference, searchText);
    }
  }

  /** {@link #replace} on a given connection (the backfill's, in Flyway's transaction). */
  static void replace(JdbcTemplate jdbc, String reference, String searchText) {
    jdbc.update("DELETE FROM foi_case_word WHERE reference = ?", reference);
    List<Object[]> rows = stored(searchText).stream().map(word -> new Object[] {word, reference}).toList();
    jdbc.batchUpdate("INSERT INTO foi_case_word (word, reference) VALUES (?, ?)", rows);
  }

  /** {@link #replace} for the case of this process instance, from what its foi_case row now says. */
  void replaceOfProcess(String processInstanceId) {
    if (!inWordTable()) {
      return;
    }
    jdbc.query("SELECT reference, search_text FROM foi_case WHERE process_instance_id = ?",
        (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), processInstanceId)
        .forEach(row -> replace(row.getKey(), row.getValue()));
  }

  /** The distinct words of a search_text as the word table holds them. */
  static List<String> stored(String searchText) {
    return SearchText.words(searchText).stream().map(SearchWords::cut).distinct().toList();
  }

  /** The search words, rarest first (by how many cases have a word starting with each, counted up to a limit). */
  List<String> rarestFirst(List<String> words) {
    if (words.size() < 2) {
      return words;
    }
    Map<String, Integer> counts = words.stream().collect(Collectors.toMap(Function.identity(), word ->
        jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM foi_case_word WHERE word >= ? AND word < ?"
            + " LIMIT " + PROBE_LIMIT + ")", Integer.class, cut(word), after(cut(word))), (a, b) -> a));
    List<String> ordered = new ArrayList<>(words);
    ordered.sort(Comparator.comparing(counts::get));
    return ordered;
  }

  /** The first string after every word that starts with prefix: the end of its range in the word table. */
  static String after(String prefix) {
    // words hold letters and digits only (SearchText), so the last character is never the highest there is
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  static String cut(String word) {
    return word.length() <= MAX_WORD_CHARS ? word : word.substring(0, MAX_WORD_CHARS);
  }
}
