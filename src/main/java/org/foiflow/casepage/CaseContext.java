package org.foiflow.casepage;

import java.util.List;
import java.util.Map;
import org.foiflow.assessment.ExemptionCitation;
import org.foiflow.links.CaseLinks;
import org.foiflow.links.OfficerLinks;
import org.foiflow.requesters.RequesterHistory;
import org.foiflow.similarity.ResponseLetters;
import org.foiflow.similarity.SimilarRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a case belongs to, for the case page's sections #requester-history, #similar and #links: the requester's
 * other requests, similar requests with what was decided on them (precedent), the linked cases from both ends and
 * the round robin. A handful of queries whatever the number of rows: the earlier cases' response letters come from
 * one history query for all of them.
 */
@Component
public class CaseContext {

  /** The most similar requests the page shows. */
  static final int SIMILAR_MOST = 10;
  /** The letters that answer a request (not an acknowledgement, a fees notice, a clarification or an extension). */
  /** One of the requester's other requests. */
  public record OtherRequestRow(String reference, String href, String subject, String received, String outcome,
                                boolean withinWindow, String matchedBy) {
  }

  /** A similar request with its precedent; letter is its response letter's PDF, or null. */
  public record SimilarRow(String reference, String href, String similarity, boolean sameRequester, String received,
                           String outcome, String exemptions, String letter) {
  }

  /** A linked case as this case sees it; removable: an officer's link, which officers and managers may remove. */
  public record LinkRow(String reference, String href, String label, String kind, String recordedBy,
                        String recordedOn, String note, boolean removable) {
  }

  /** The round robin the request belongs to: how many requests it has and who handles them. */
  public record RoundRobinLine(String href, int members, String officer) {
  }

  /** The sections' rows; the round robin is null when the request is in none. */
  public record Sections(List<OtherRequestRow> requesterHistory, List<SimilarRow> similar, List<LinkRow> links,
                         RoundRobinLine roundRobin, boolean mayLink) {
  }

  private final RequesterHistory requesterHistory;
  private final SimilarRequests similarRequests;
  private final CaseLinks caseLinks;
  private final OfficerLinks officerLinks;
  private final ResponseLetters responseLetters;
  private final JdbcTemplate jdbc;

  public CaseContext(RequesterHistory requesterHistory, SimilarRequests similarRequests, CaseLinks caseLinks,
                           OfficerLinks officerLinks, ResponseLetters responseLetters, JdbcTemplate jdbc) {
    this.requesterHistory = requesterHistory;
    this.similarRequests = similarRequests;
    this.caseLinks = caseLinks;
    this.officerLinks = officerLinks;
    this.responseLetters = responseLetters;
    this.jdbc = jdbc;
  }

  public Sections of(String reference) {
    List<OtherRequestRow> history = requesterHistory.of(reference).stream()
        .map(other -> new OtherRequestRow(other.reference(), href(other.reference()), other.subject(),
            UkTimes.day(other.receivedOn()), outcome(other.outcome(), other.stage()), other.withinAggregationWindow(),
            matchedBy(other.matchedBy())))
        .toList();
    List<SimilarRequests.Similar> found = similarRequests.similarTo(reference, SIMILAR_MOST);
    Map<String, String> letters = responseLetters.of(found.stream().map(SimilarRequests.Similar::reference).toList());
    List<SimilarRow> similar = found.stream()
        .map(one -> new SimilarRow(one.reference(), href(one.reference()), Math.round(one.similarity() * 100) + "%",
            one.sameRequester(), UkTimes.day(one.receivedOn()), outcome(one.outcome(), one.stage()),
            one.exemptions().isEmpty() ? "None" : String.join(", ",
                one.exemptions().stream().map(ExemptionCitation::of).toList()),
            letters.get(one.reference())))
        .toList();
    List<LinkRow> links = caseLinks.of(reference).stream()
        .map(link -> new LinkRow(link.linkedReference(), href(link.linkedReference()), link.label(), link.kind().name(),
            link.recordedBy(), UkTimes.day(java.util.Date.from(link.recordedAt())), link.note(),
            OfficerLinks.OFFICER_KINDS.contains(link.kind())))
        .toList();
    return new Sections(history, similar, links, roundRobin(reference), officerLinks.mayWrite());
  }

  static String href(String reference) {
    return "/cases/" + reference;
  }

  private static String outcome(String outcome, String stage) {
    if (outcome != null) {
      return CaseDecisions.label(CaseDecisions.OUTCOMES, outcome);
    }
    return stage == null ? "Open" : "Open: " + stage;
  }

  private static String matchedBy(RequesterHistory.MatchedBy matchedBy) {
    return switch (matchedBy) {
      case EMAIL -> "Same email";
      case NAME -> "Same name";
      case EMAIL_AND_NAME -> "Same email and name";
    };
  }

  private RoundRobinLine roundRobin(String reference) {
    List<RoundRobinLine> lines = jdbc.query("SELECT r.id, r.officer, (SELECT COUNT(*) FROM foi_case m"
            + " WHERE m.round_robin_id = r.id) FROM foi_case c JOIN foi_round_robin r ON r.id = c.round_robin_id"
            + " WHERE c.reference = ?",
        (rs, n) -> new RoundRobinLine("/round-robins/" + rs.getString(1), rs.getInt(3), rs.getString(2)), reference);
    return lines.isEmpty() ? null : lines.get(0);
  }
}
