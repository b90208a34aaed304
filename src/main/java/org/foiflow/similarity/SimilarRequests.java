package org.foiflow.similarity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foiflow.casefile.CaseDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests like a given one, best first, with what was decided on them (precedent).
 *
 * <p>Each case's request is kept as its distinct terms ({@link RequestTerms}) in foi_case_term, written in the
 * engine's transaction, so every node reads the same. Two requests are compared by the terms they share, each
 * weighted by how rare it is among all cases (BM25's idf, ln((cases - with it + 0.5) / (with it + 0.5))): sharing
 * "A38" and "speed" counts, sharing "number" and "2024" little. The similarity is the cosine of the two requests'
 * term sets with each term weighing its idf: 1.0 for the same terms, symmetric, and
 * comparable from one call to the next, so the round robin, aggregation and repeat thresholds mean the same
 * everywhere. Candidates come from the request's rarest terms only, so a look-up reads a few thousand index rows
 * whatever the number of cases; see docs/benchmarks.md for the figures and why this engine.
 */
@Component
public class SimilarRequests {

  /** A request like the one asked about. similarity: 0 (nothing alike) to 1 (the same words). */
  public record Similar(String reference, double similarity, boolean sameRequester, LocalDate receivedOn, String stage,
                        String outcome, List<String> exemptions) {
  }

  /** The rarest terms of a request that pick the candidates. */
  static final int CANDIDATE_TERMS = 12;
  /** The candidates scored in full. */
  static final int CANDIDATES = 200;
  /**
   * A term in more than this share of the cases is common: its cases are not counted beyond it (bounding the look-up)
   * and it weighs as if it were in exactly this share.
   */
  static final int COMMON_ONE_IN = 4;
  /** The least a term weighs (a term in most cases): a request of common words only still finds its duplicate. */
  static final double MOST_COMMON_WEIGHT = 0.1;
  /** Below this many cases no term is treated as common. */
  static final int COMMON_AT_LEAST = 50;
  /** Results below this similarity share no more than a word or two and are not precedent. */
  static final double LEAST = 0.05;

  /**
   * From this many cases the weights take PostgreSQL's estimate of the number of cases: exact, it was the slowest
   * statement of the case page at 150 000 cases (15 to 19 ms, docs/benchmarks.md section 8).
   */
  static final long ESTIMATED_FROM = 10_000;

  private final JdbcTemplate jdbc;
  private final CaseDatabase database;

  public SimilarRequests(JdbcTemplate jdbc, CaseDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** The terms a request text is compared by, as foi_case_term keeps them (for loading cases in bulk). */
  public static Set<String> terms(String requestText) {
    return RequestTerms.of(requestText);
  }

  /** The case was registered with this request text: it can be found as similar from now on. */
  public void registered(String reference, String requestText) {
    jdbc.update("DELETE FROM foi_case_term WHERE reference = ?", reference);
    insert(reference, RequestTerms.of(requestText));
  }

  /**
   * The requester clarified the request (s.1(3)): the clarified request's terms are added to the original's, as the
   * search keeps both, since a later request may be like either.
   */
  public void clarified(String processInstanceId, String clarifiedRequest) {
    List<String> references = jdbc.queryForList("SELECT reference FROM foi_case WHERE process_instance_id = ?",
        String.class, processInstanceId);
    for (String reference : references) {
      Set<String> terms = RequestTerms.of(clarifiedRequest);
      terms.removeAll(termsOf(reference));
      insert(reference, terms);
    }
  }

  /** The case's request is forgotten (retention): it is no longer found as similar, nor finds others. */
  public void forget(String reference) {
    jdbc.update("DELETE FROM foi_case_term WHERE reference = ?", reference);
  }

  /** Forgets the requests of the cases closed before the day (retention, with the search's words); answers how many terms. */
  public int forgetClosedBefore(LocalDate day) {
    return jdbc.update("DELETE FROM foi_case_term WHERE reference IN"
        + " (SELECT reference FROM foi_case WHERE closed_on < ?)", Date.valueOf(day));
  }

  /** Up to {@code most} cases like {@code reference} (not itself), best first; empty for an unknown case. */
  public List<Similar> similarTo(String reference, int most) {
    Set<String> own = termsOf(reference);
    if (own.isEmpty() || most <= 0) {
      return List.of();
    }
    Weights weights = weights(own);
    Map<String, Double> scored = new HashMap<>();
    candidateTerms(reference, weights).forEach((candidate, terms) -> {
      double similarity = weights.similarity(own, terms);
      if (similarity >= LEAST) {
        scored.put(candidate, similarity);
      }
    });
    List<String> best = scored.keySet().stream()
        .sorted(Comparator.<String>comparingDouble(scored::get).reversed().thenComparing(Comparator.reverseOrder()))
        .limit(most).toList();
    return precedents(reference, best, scored);
  }

  /** The similarity of two cases' requests, as {@link #similarTo} gives it; 0 when either has no terms. */
  public double similarity(String reference, String other) {
    Set<String> own = termsOf(reference);
    Set<String> theirs = termsOf(other);
    if (own.isEmpty() || theirs.isEmpty()) {
      return 0;
    }
    return weights(own).similarity(own, theirs);
  }

  private Set<String> termsOf(String reference) {
    return new HashSet<>(jdbc.queryForList("SELECT term FROM foi_case_term WHERE reference = ?", String.class,
        reference));
  }

  private void insert(String reference, Collection<String> terms) {
    if (!terms.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO foi_case_term (term, reference) VALUES (?, ?)",
          terms.stream().map(term -> new Object[] {term, reference}).toList());
    }
  }

  /** Each of the request's terms' weight, from how many cases have it (counted up to the common share only). */
  private Weights weights(Set<String> terms) {
    long cases = Math.max(1, database.rowsAbout("foi_case", ESTIMATED_FROM));
    long common = Math.max(COMMON_AT_LEAST, cases / COMMON_ONE_IN);
    List<String> ordered = new ArrayList<>(terms);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String term : ordered) {
      sql.append(sql.isEmpty() ? "" : " UNION ALL ")
          .append("SELECT CAST(? AS VARCHAR(100)), COUNT(*) FROM (SELECT 1 AS one FROM foi_case_term WHERE term = ?")
          .append(" FETCH FIRST ").append(common).append(" ROWS ONLY) counted");
      args.add(term);
      args.add(term);
    }
    Map<String, Long> casesWith = new HashMap<>();
    jdbc.query(sql.toString(), rs -> {
      casesWith.put(rs.getString(1), rs.getLong(2));
    }, args.toArray());
    Map<String, Double> weight = new HashMap<>();
    Map<String, Long> frequency = new HashMap<>();
    for (String term : ordered) {
      long df = Math.min(common, Math.max(1, casesWith.getOrDefault(term, 1L)));
      frequency.put(term, df);
      // BM25's idf, squared in the cosine: a term in half the cases or more counts next to nothing
      weight.put(term, Math.max(MOST_COMMON_WEIGHT, Math.log((Math.max(cases, df) - df + 0.5) / (df + 0.5))));
    }
    return new Weights(weight, frequency, common);
  }

  /** The candidates' terms that the request shares, and how many terms each has, by candidate. */
  private Map<String, Set<String>> candidateTerms(String reference, Weights weights) {
    List<String> rarest = weights.weight().keySet().stream()
        .sorted(Comparator.<String>comparingDouble(term -> weights.weight().get(term)).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .limit(CANDIDATE_TERMS).toList();
    List<String> picking = rarest.stream().filter(term -> weights.frequency().get(term) < weights.common()).toList();
    if (picking.isEmpty()) {
      picking = rarest.subList(0, Math.min(3, rarest.size()));
    }
    // the IN list, the case itself, then each term's weight for the ORDER BY
    List<Object> args = new ArrayList<>(picking);
    args.add(reference);
    StringBuilder score = new StringBuilder("SUM(CASE term");
    for (String term : picking) {
      score.append(" WHEN ? THEN CAST(? AS DOUBLE PRECISION)");
      args.add(term);
      args.add(weights.weight().get(term));
    }
    score.append(" ELSE 0 END)");
    List<String> candidates = jdbc.queryForList("SELECT reference FROM foi_case_term WHERE term IN ("
        + placeholders(picking.size()) + ") AND reference <> ? GROUP BY reference ORDER BY " + score
        + " DESC, reference DESC FETCH FIRST " + CANDIDATES + " ROWS ONLY", String.class, args.toArray());
    Map<String, Set<String>> termsOf = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      return termsOf;
    }
    jdbc.query("SELECT reference, term FROM foi_case_term WHERE reference IN (" + placeholders(candidates.size())
        + ")", rs -> {
          termsOf.computeIfAbsent(rs.getString(1), candidate -> new HashSet<>()).add(rs.getString(2));
        }, candidates.toArray());
    return termsOf;
  }

  private List<Similar> precedents(String reference, List<String> best, Map<String, Double> scored) {
    if (best.isEmpty()) {
      return List.of();
    }
    Map<String, Object> self = jdbc.queryForMap("SELECT requester_email_key, requester_name_key FROM foi_case"
        + " WHERE reference = ?", reference);
    Object email = self.get("requester_email_key");
    Object name = self.get("requester_name_key");
    Map<String, List<String>> exemptions = new HashMap<>();
    jdbc.query("SELECT reference, code FROM foi_case_exemption WHERE reference IN (" + placeholders(best.size())
        + ") ORDER BY code", rs -> {
          exemptions.computeIfAbsent(rs.getString(1), found -> new ArrayList<>()).add(rs.getString(2));
        }, best.toArray());
    Map<String, Similar> found = new HashMap<>();
    jdbc.query("SELECT reference, received_on, stage, outcome, requester_email_key, requester_name_key FROM foi_case"
        + " WHERE reference IN (" + placeholders(best.size()) + ")", rs -> {
          String other = rs.getString(1);
          boolean sameRequester = (email != null && email.equals(rs.getString(5)))
              || (name != null && name.equals(rs.getString(6)));
          found.put(other, new Similar(other, scored.get(other), sameRequester, rs.getDate(2).toLocalDate(),
              rs.getString(3), rs.getString(4), Collections.unmodifiableList(
                  exemptions.getOrDefault(other, List.of()))));
        }, best.toArray());
    return best.stream().map(found::get).filter(similar -> similar != null).toList();
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * The request's terms' weights; frequency: the cases with each (up to common); common: the count from which a
   * term is common.
   */
  private record Weights(Map<String, Double> weight, Map<String, Long> frequency, long common) {

    /**
     * Shared weight over the geometric mean of both requests' weights. The other request's terms that this one lacks
     * are not counted case by case (that would read every one of its terms' frequencies): each weighs as much as this
     * request's own terms the other lacks do on average (or as all of them, when it lacks none).
     */
    double similarity(Set<String> own, Set<String> theirs) {
      double shared = 0;
      double total = 0;
      double unshared = 0;
      int sharedCount = 0;
      for (String term : own) {
        double w = weight.get(term) * weight.get(term);
        total += w;
        if (theirs.contains(term)) {
          shared += w;
          sharedCount++;
        } else {
          unshared += w;
        }
      }
      if (shared == 0) {
        return 0;
      }
      double typical = sharedCount < own.size() ? unshared / (own.size() - sharedCount) : total / own.size();
      double theirsTotal = shared + (theirs.size() - sharedCount) * typical;
      return Math.min(1.0, shared / Math.sqrt(total * theirsTotal));
    }
  }
}
