package org.foiflow.aggregation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.foiflow.requesters.AggregationWindow;
import org.foiflow.requesters.RequesterHistory;
import org.foiflow.requesters.RequesterHistory.OtherRequest;
import org.foiflow.similarity.SimilarRequests;
import org.foiflow.similarity.SimilarRequests.Similar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What else a request belongs to, as triage weighs it: the requester's other requests, similar requests (precedent),
 * the requests it may be aggregated with for the cost limit (s.12, Fees Regulations 2004 reg 5) and the earlier
 * requests it may repeat (s.14(2)). Read afresh each time, so the form's options and the check on completion agree.
 */
@Component
public class RequestsInContext {

  /** How many similar requests triage shows as precedent. */
  static final int SIMILAR_SHOWN = 5;
  /** How many similar requests are weighed for acting in concert and repeats. */
  static final int SIMILAR_WEIGHED = 50;

  /** A request this one may be aggregated with or may repeat. similarity is null when the engine did not rank it. */
  public record Candidate(String reference, String subject, LocalDate receivedOn, BigDecimal estimatedHours,
                          LocalDate respondedOn, boolean sameRequester, Double similarity) {
  }

  /** The request's context. */
  public record Context(String reference, LocalDate receivedOn, List<OtherRequest> history, List<Similar> similar,
                        List<Candidate> aggregation, List<Candidate> repeats) {

    public Optional<Candidate> aggregationCandidate(String reference) {
      return aggregation.stream().filter(c -> c.reference().equals(reference)).findFirst();
    }
  }

  private final JdbcTemplate jdbc;
  private final RequesterHistory history;
  private final SimilarRequests similarRequests;
  private final AggregationWindow window;
  private final double aggregationSimilarity;
  private final double repeatSimilarity;

  public RequestsInContext(JdbcTemplate jdbc, RequesterHistory history, SimilarRequests similarRequests,
                           AggregationWindow window,
                           @Value("${foiflow.aggregation.similarity:0.35}") double aggregationSimilarity,
                           @Value("${foiflow.repeat.similarity:0.6}") double repeatSimilarity) {
    this.jdbc = jdbc;
    this.history = history;
    this.similarRequests = similarRequests;
    this.window = window;
    this.aggregationSimilarity = aggregationSimilarity;
    this.repeatSimilarity = repeatSimilarity;
  }

  /** The context of {@code reference}, received on {@code given} (read from the case's row when null). */
  public Context of(String reference, LocalDate given) {
    // the case's own row knows the day when the variable does not (a case logged before receivedOn was kept)
    LocalDate receivedOn = given != null ? given : receivedOn(reference);
    List<OtherRequest> theirs = history.of(reference);
    List<Similar> similar = similarRequests.similarTo(reference, SIMILAR_WEIGHED);
    Map<String, Double> similarity = new HashMap<>();
    similar.forEach(s -> similarity.put(s.reference(), s.similarity()));

    // reg 5: the same person's requests within the window (the officer judges whether the information is similar:
    // the ICO reads "similar" broadly, an overarching theme), or others' for similar information, acting in concert
    Map<String, Candidate> aggregation = new LinkedHashMap<>();
    for (OtherRequest other : theirs) {
      if (other.withinAggregationWindow()) {
        aggregation.put(other.reference(), new Candidate(other.reference(), other.subject(), other.receivedOn(), null,
            other.respondedOn(), true, similarity.get(other.reference())));
      }
    }
    for (Similar other : similar) {
      if (!other.sameRequester() && other.similarity() >= aggregationSimilarity && receivedOn != null
          && window.contains(receivedOn, other.receivedOn()) && !aggregation.containsKey(other.reference())) {
        aggregation.put(other.reference(), new Candidate(other.reference(), null, other.receivedOn(), null, null, false,
            other.similarity()));
      }
    }
    // s.14(2): the same person's request, identical or substantially similar, already answered
    List<Candidate> repeats = new ArrayList<>();
    for (OtherRequest other : theirs) {
      Double alike = similarity.get(other.reference());
      if (other.respondedOn() != null && alike != null && alike >= repeatSimilarity) {
        repeats.add(new Candidate(other.reference(), other.subject(), other.receivedOn(), null, other.respondedOn(),
            true, alike));
      }
    }
    List<Candidate> offered = withCaseFacts(new ArrayList<>(aggregation.values()));
    offered.sort((a, b) -> a.receivedOn().compareTo(b.receivedOn()));
    return new Context(reference, receivedOn, theirs,
        similar.stream().limit(SIMILAR_SHOWN).toList(), List.copyOf(offered), withCaseFacts(repeats));
  }

  /** Each candidate with its subject and the officer's estimate at its triage (foi_case), in one query. */
  private List<Candidate> withCaseFacts(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    Map<String, Object[]> facts = new HashMap<>();
    String marks = String.join(",", Collections.nCopies(candidates.size(), "?"));
    jdbc.query("SELECT reference, subject, estimated_hours FROM foi_case WHERE reference IN (" + marks + ")",
        rs -> {
          facts.put(rs.getString(1), new Object[] {rs.getString(2), rs.getBigDecimal(3)});
        }, candidates.stream().map(Candidate::reference).toArray());
    List<Candidate> result = new ArrayList<>();
    for (Candidate c : candidates) {
      Object[] row = facts.getOrDefault(c.reference(), new Object[] {c.subject(), null});
      result.add(new Candidate(c.reference(), (String) row[0], c.receivedOn(), (BigDecimal) row[1], c.respondedOn(),
          c.sameRequester(), c.similarity()));
    }
    return result;
  }

  /** True when the candidate asks for similar information by the similarity engine (reg 5's "similar information"). */
  public boolean similarInformation(Candidate candidate) {
    return candidate.similarity() != null && candidate.similarity() >= aggregationSimilarity;
  }

  /** This case's received date as foi_case holds it, or null for an unknown case. */
  public LocalDate receivedOn(String reference) {
    List<Date> days = jdbc.queryForList("SELECT received_on FROM foi_case WHERE reference = ?", Date.class, reference);
    return days.isEmpty() || days.get(0) == null ? null : days.get(0).toLocalDate();
  }
}
