package org.foiflow.search;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what the case search reads into the case's foi_case row, inside the engine's transaction as
 * {@link org.foiflow.casefile.CaseIndex} does (it runs after CaseIndex made the row), so a rolled-back step leaves
 * the search as it was. Kept here rather than in CaseIndex: casefile stays free of the search's text rules.
 */
@Component
public class SearchIndexing {

  /** A clarified request may be long: its words beyond this are not searched. */
  private static final int MAX_CLARIFIED_CHARS = 20_000;

  private final JdbcTemplate jdbc;
  private final SearchWords searchWords;

  public SearchIndexing(JdbcTemplate jdbc, SearchWords searchWords) {
    this.jdbc = jdbc;
    this.searchWords = searchWords;
  }

  /** The case was registered: its requester, subject and request become searchable. */
  public void registered(String reference, String requesterName, String requesterEmail, String subject,
                         String requestText) {
    String searchText = SearchText.of(reference, requesterName, requesterEmail, subject, requestText);
    jdbc.update("UPDATE foi_case SET requester_name = ?, subject = ?, search_text = ? WHERE reference = ?",
        clip(requesterName, 200), clip(subject, 300), searchText, reference);
    searchWords.replace(reference, searchText);
  }

  /**
   * The requester clarified the request (s.1(3)): its words are added, and the original's kept, since an officer
   * may remember either.
   */
  public void clarified(String processInstanceId, String clarifiedRequest) {
    String words = SearchText.of(clip(clarifiedRequest, MAX_CLARIFIED_CHARS)).strip();
    if (!words.isEmpty()) {
      jdbc.update("UPDATE foi_case SET search_text = COALESCE(search_text, ' ') || ? WHERE process_instance_id = ?",
          words + " ", processInstanceId);
      searchWords.replaceOfProcess(processInstanceId);
    }
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
