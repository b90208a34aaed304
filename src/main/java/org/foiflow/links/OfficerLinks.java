package org.foiflow.links;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.security.FoiGroups;
import org.foiflow.security.FoiTeam;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The links officers record by hand (related, review of, complaint about), with the rules every route shares (the
 * API and the case page's form): the FOI team reads, officers and managers write, both cases must exist, a case is
 * not linked to itself, a link is recorded once, and the links the process records (aggregation, repeats, round
 * robins) stay as the decision left them.
 */
@Component
public class OfficerLinks {

  /** The kinds an officer records; the others are the process's. */
  public static final Set<LinkKind> OFFICER_KINDS = EnumSet.of(LinkKind.RELATED, LinkKind.REVIEW_OF,
      LinkKind.COMPLAINT_ABOUT);
  static final int NOTE_MOST = 500;
  private static final List<String> WRITERS = List.of(FoiGroups.OFFICERS, FoiGroups.MANAGERS);

  private final CaseLinks links;
  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  public OfficerLinks(CaseLinks links, JdbcTemplate jdbc, IdentityService identityService) {
    this.links = links;
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  /** The case's links from both ends; 404 for an unknown case. */
  public List<CaseLinks.Link> of(String reference) {
    FoiTeam.requireMember(identityService, "A case's links");
    requireCase(reference);
    return links.of(reference);
  }

  /** Whether the signed-in user may record and remove links (officers and managers). */
  public boolean mayWrite() {
    return FoiTeam.isIn(identityService, WRITERS);
  }

  /** What is wrong with this link, by field (reference, kind, note); empty when it can be recorded. */
  public Map<String, String> problemsWith(String reference, String other, String kind, String note) {
    Map<String, String> problems = new LinkedHashMap<>();
    String linked = other == null ? "" : other.strip().toUpperCase(Locale.ROOT);
    if (linked.isEmpty()) {
      problems.put("reference", "give the reference of the other case, such as FOI-2026-00012");
    } else if (linked.equals(reference)) {
      problems.put("reference", "a case cannot be linked to itself");
    } else if (!exists(linked)) {
      problems.put("reference", "no FOI request has the reference " + linked);
    }
    if (officerKind(kind) == null) {
      problems.put("kind", "must be one of RELATED, REVIEW_OF, COMPLAINT_ABOUT");
    }
    if (note != null && note.length() > NOTE_MOST) {
      problems.put("note", "must be at most " + NOTE_MOST + " characters");
    }
    return problems;
  }

  /** Records the link from {@code reference}; 400 naming the field, 409 when it is there already. */
  @Transactional
  public CaseLinks.Link add(String reference, String other, String kind, String note) {
    requireWriter();
    requireCase(reference);
    Map<String, String> problems = problemsWith(reference, other, kind, note);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String linked = other.strip().toUpperCase(Locale.ROOT);
    LinkKind asKind = officerKind(kind);
    String given = note == null || note.isBlank() ? null : note.strip();
    if (!links.link(reference, linked, asKind, FoiTeam.userId(identityService), given)) {
      throw new CaseConflictException(reference + " and " + linked + " are already linked as "
          + asKind.label().toLowerCase(Locale.ROOT));
    }
    return links.of(reference).stream()
        .filter(link -> link.linkedReference().equals(linked) && link.kind() == asKind).findFirst().orElseThrow();
  }

  /** Removes an officer's link; the process's links answer 409, a link that is not there 404. */
  @Transactional
  public void remove(String reference, String other, String kind) {
    requireWriter();
    requireCase(reference);
    LinkKind asKind = anyKind(kind);
    if (!OFFICER_KINDS.contains(asKind)) {
      throw new CaseConflictException("The link \"" + asKind.label() + "\" was recorded by the decision on the case"
          + " (aggregation, a repeated request or a round robin) and stays with it; it cannot be removed");
    }
    if (!links.unlink(reference, other, asKind)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, reference + " has no link \""
          + asKind.label() + "\" with " + other);
    }
  }

  private void requireWriter() {
    FoiTeam.requireMember(identityService, "Linking cases");
    if (!mayWrite()) {
      throw new AuthorizationException("Only FOI officers and managers link cases");
    }
  }

  private void requireCase(String reference) {
    if (!exists(reference)) {
      throw new UnknownCaseException(reference);
    }
  }

  private boolean exists(String reference) {
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE reference = ?", Integer.class, reference);
    return found != null && found > 0;
  }

  private static LinkKind officerKind(String kind) {
    try {
      LinkKind asKind = kind == null ? null : LinkKind.valueOf(kind.strip());
      return OFFICER_KINDS.contains(asKind) ? asKind : null;
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static LinkKind anyKind(String kind) {
    try {
      return LinkKind.valueOf(kind);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequestException(Map.of("kind", "must be one of RELATED, REVIEW_OF, COMPLAINT_ABOUT"));
    }
  }
}
