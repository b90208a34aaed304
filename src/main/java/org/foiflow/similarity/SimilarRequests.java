package org.foiflow.similarity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests like a given one, best first, with what was decided on them (precedent).
 * PLACEHOLDER of the skeleton (word overlap over the newest cases): the similarity branch replaces the engine and
 * keeps this API.
 */
@Component
public class SimilarRequests {

  /** A request like the one asked about. similarity: 0 (nothing alike) to 1 (the same words). */
  public record Similar(String reference, double similarity, boolean sameRequester, LocalDate receivedOn, String stage,
                        String outcome, List<String> exemptions) {
  }

  private final JdbcTemplate jdbc;

  public SimilarRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case was registered with this request text: it can be found as similar from now on. */
  public void registered(String reference, String requestText) {
    // the placeholder reads foi_case.search_text
  }

  /** Up to {@code most} cases like {@code reference} (not itself), best first; empty for an unknown case. */
  public List<Similar> similarTo(String reference, int most) {
    List<Map<String, Object>> self = jdbc.queryForList("SELECT search_text, requester_email_key, requester_name_key"
        + " FROM foi_case WHERE reference = ?", reference);
    if (self.isEmpty() || self.get(0).get("search_text") == null) {
      return List.of();
    }
    Set<String> words = words((String) self.get(0).get("search_text"));
    Object email = self.get(0).get("requester_email_key");
    Object name = self.get(0).get("requester_name_key");
    List<Similar> found = new ArrayList<>();
    jdbc.query("SELECT reference, search_text, received_on, stage, outcome, requester_email_key, requester_name_key"
        + " FROM foi_case WHERE reference <> ? ORDER BY received_on DESC LIMIT 2000", rs -> {
          Set<String> theirs = words(rs.getString(2));
          Set<String> both = new HashSet<>(theirs);
          both.retainAll(words);
          Set<String> either = new HashSet<>(theirs);
          either.addAll(words);
          double similarity = either.isEmpty() ? 0 : (double) both.size() / either.size();
          if (similarity > 0.2) {
            boolean same = (email != null && email.equals(rs.getString(6))) || (name != null && name.equals(rs.getString(7)));
            found.add(new Similar(rs.getString(1), similarity, same, rs.getDate(3).toLocalDate(), rs.getString(4),
                rs.getString(5), jdbc.queryForList("SELECT code FROM foi_case_exemption WHERE reference = ?"
                    + " ORDER BY code", String.class, rs.getString(1))));
          }
        }, reference);
    return found.stream().sorted(Comparator.comparingDouble(Similar::similarity).reversed()).limit(most).toList();
  }

  private static Set<String> words(String searchText) {
    return searchText == null ? Set.of()
        : Arrays.stream(searchText.strip().split(" ")).filter(word -> word.length() > 3).collect(Collectors.toSet());
  }
}
