package org.foiflow.roundrobin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.foiflow.links.CaseLinks;
import org.foiflow.links.LinkKind;
import org.foiflow.similarity.SimilarRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Round robins: the same request sent by several requesters (a campaign, WhatDoTheyKnow) within
 * foiflow.round-robin.window-days, grouped at registration so one officer handles them and the answers agree.
 * Each request is still decided and approved on its own.
 */
@Component
public class RoundRobins {

  /** A set as the list shows it. */
  public record Summary(String id, String firstReference, String subject, int members, int open, String officer) {
  }

  /** A set with its members, oldest first. */
  public record RoundRobin(String id, String firstReference, String officer, int version, List<Member> members) {
  }

  /** One request of a set; decided: its exemptions have been assessed (it may be the others' starting point). */
  public record Member(String reference, LocalDate receivedOn, String requesterName, String stage, String assignee,
                       String outcome, String processInstanceId, String regime, boolean open) {
  }

  private final JdbcTemplate jdbc;
  private final SimilarRequests similarRequests;
  private final CaseLinks caseLinks;
  private final double nearIdentical;
  private final int windowDays;

  public RoundRobins(JdbcTemplate jdbc, SimilarRequests similarRequests, CaseLinks caseLinks,
                     @Value("${foiflow.round-robin.similarity:0.85}") double nearIdentical,
                     @Value("${foiflow.round-robin.window-days:30}") int windowDays) {
    this.jdbc = jdbc;
    this.similarRequests = similarRequests;
    this.caseLinks = caseLinks;
    this.nearIdentical = nearIdentical;
    this.windowDays = windowDays;
  }

  /**
   * Called at registration inside the engine's transaction (after the similar-requests index knows the case): a
   * request near-identical to another requester's, received within the window, joins that request's set (made
   * now if there is none). Two nodes registering requests of one campaign at once must not make two sets: the
   * set is made only while holding the row lock of the earliest matching request (SELECT ... FOR UPDATE), whose
   * round_robin_id is read again once the lock is held, so the second node waits and then joins the first node's
   * set; its id is also derived from that first request (RR-FOI-...), so the primary key refuses a second set
   * for the same first request whatever happens.
   */
  public Optional<String> registered(String reference, LocalDate receivedOn) {
    List<SimilarRequests.Similar> near = similarRequests.similarTo(reference, 50).stream()
        .filter(similar -> similar.similarity() >= nearIdentical && !similar.sameRequester())
        .filter(similar -> Math.abs(ChronoUnit.DAYS.between(similar.receivedOn(), receivedOn)) <= windowDays)
        .sorted(Comparator.comparing(SimilarRequests.Similar::receivedOn).thenComparing(SimilarRequests.Similar::reference))
        .toList();
    if (near.isEmpty()) {
      return Optional.empty();
    }
    String earliest = near.get(0).reference();
    jdbc.queryForList("SELECT round_robin_id FROM foi_case WHERE reference = ? FOR UPDATE", String.class, earliest);
    Set<String> members = new LinkedHashSet<>();
    near.forEach(similar -> members.add(similar.reference()));
    String id = existingSet(members).orElse(null);
    if (id == null) {
      id = "RR-" + earliest;
      jdbc.update("INSERT INTO foi_round_robin (id, first_reference, officer, created_at, version)"
          + " VALUES (?, ?, NULL, ?, 0)", id, earliest, Timestamp.from(Instant.now()));
    }
    members.add(reference);
    String first = jdbc.queryForObject("SELECT first_reference FROM foi_round_robin WHERE id = ?", String.class, id);
    for (String member : members) {
      int joined = jdbc.update("UPDATE foi_case SET round_robin_id = ? WHERE reference = ? AND round_robin_id IS NULL",
          id, member);
      if (joined > 0 && !member.equals(first)) {
        caseLinks.link(member, first, LinkKind.ROUND_ROBIN, null, null);
      }
    }
    return Optional.of(id);
  }

  /** The set the matching requests already belong to: the one whose first request came first. */
  private Optional<String> existingSet(Set<String> references) {
    List<String> sets = new ArrayList<>();
    for (String reference : references) {
      sets.addAll(jdbc.queryForList("SELECT r.id FROM foi_case c JOIN foi_round_robin r ON r.id = c.round_robin_id"
          + " JOIN foi_case f ON f.reference = r.first_reference WHERE c.reference = ?", String.class, reference));
    }
    return sets.stream().distinct().min(Comparator.comparing(this::firstReceived).thenComparing(Comparator.naturalOrder()));
  }

  private LocalDate firstReceived(String id) {
    return jdbc.queryForObject("SELECT f.received_on FROM foi_round_robin r JOIN foi_case f"
        + " ON f.reference = r.first_reference WHERE r.id = ?", java.sql.Date.class, id).toLocalDate();
  }

  /** Every set, those with open requests first, then newest first. */
  public List<Summary> all() {
    return jdbc.query("SELECT r.id, r.first_reference, f.subject, r.officer, COUNT(m.reference) AS members,"
            + " SUM(CASE WHEN m.closed_on IS NULL THEN 1 ELSE 0 END) AS open_members, r.created_at"
            + " FROM foi_round_robin r JOIN foi_case f ON f.reference = r.first_reference"
            + " JOIN foi_case m ON m.round_robin_id = r.id"
            + " GROUP BY r.id, r.first_reference, f.subject, r.officer, r.created_at"
            + " ORDER BY CASE WHEN SUM(CASE WHEN m.closed_on IS NULL THEN 1 ELSE 0 END) > 0 THEN 0 ELSE 1 END,"
            + " r.created_at DESC, r.id",
        (rs, row) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(5), rs.getInt(6),
            rs.getString(4)));
  }

  public Optional<RoundRobin> byId(String id) {
    List<RoundRobin> found = jdbc.query("SELECT id, first_reference, officer, version FROM foi_round_robin WHERE id = ?",
        (rs, row) -> new RoundRobin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            members(rs.getString(1))), id);
    return found.stream().findFirst();
  }

  private List<Member> members(String id) {
    return jdbc.query("SELECT reference, received_on, requester_name, stage, assignee, outcome, process_instance_id,"
            + " regime, closed_on FROM foi_case WHERE round_robin_id = ? ORDER BY received_on, reference",
        (rs, row) -> new Member(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getDate(9) == null), id);
  }
}
