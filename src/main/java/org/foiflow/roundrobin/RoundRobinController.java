package org.foiflow.roundrobin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.ProblemMembers;
import org.foiflow.security.FoiGroups;
import org.foiflow.security.FoiTeam;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The round robins API, for the FOI team: the sets (open ones first), one set with its members, its officer
 * (officers and managers choose; 409 on a concurrent change) and the first decision as the others' starting point.
 */
@RestController
public class RoundRobinController {

  public record Listed(List<RoundRobins.Summary> items) {
  }

  public record MemberView(String reference, LocalDate receivedOn, String requesterName, String stage,
                           String assignee, String outcome, boolean decided) {
  }

  public record SetView(String id, String firstReference, String officer, int version, List<MemberView> members) {
  }

  public record OfficerChange(String officer, Integer version) {
  }

  public record StartingPointAsked(String from) {
  }

  public record StartingPointApplied(String from, List<String> appliedTo) {
  }

  /** An unknown set: 404 naming it. */
  static class UnknownRoundRobinException extends RuntimeException {
    final String id;

    UnknownRoundRobinException(String id) {
      super("no round robin has the id " + id);
      this.id = id;
    }
  }

  private final RoundRobins roundRobins;
  private final RoundRobinOfficer officer;
  private final StartingPoint startingPoint;
  private final IdentityService identityService;

  public RoundRobinController(RoundRobins roundRobins, RoundRobinOfficer officer, StartingPoint startingPoint,
                              IdentityService identityService) {
    this.roundRobins = roundRobins;
    this.officer = officer;
    this.startingPoint = startingPoint;
    this.identityService = identityService;
  }

  @GetMapping("/api/round-robins")
  public Listed all() {
    FoiTeam.requireMember(identityService, "The round robins");
    return new Listed(roundRobins.all());
  }

  @GetMapping("/api/round-robins/{id}")
  public SetView one(@PathVariable String id) {
    FoiTeam.requireMember(identityService, "A round robin");
    return view(set(id));
  }

  @PutMapping("/api/round-robins/{id}/officer")
  public SetView officer(@PathVariable String id, @RequestBody OfficerChange change) {
    requireOfficerOrManager("Choosing a round robin's officer");
    officer.assign(set(id), change.officer(), change.version());
    return view(set(id));
  }

  @PostMapping("/api/round-robins/{id}/starting-point")
  public StartingPointApplied startingPoint(@PathVariable String id, @RequestBody StartingPointAsked asked) {
    requireOfficerOrManager("Applying a starting point");
    return new StartingPointApplied(asked.from(), startingPoint.apply(set(id), asked.from()));
  }

  RoundRobins.RoundRobin set(String id) {
    return roundRobins.byId(id).orElseThrow(() -> new UnknownRoundRobinException(id));
  }

  SetView view(RoundRobins.RoundRobin set) {
    return new SetView(set.id(), set.firstReference(), set.officer(), set.version(), set.members().stream()
        .map(member -> new MemberView(member.reference(), member.receivedOn(), member.requesterName(),
            member.stage(), member.assignee(), member.outcome(), startingPoint.decided(member))).toList());
  }

  /** Officers and managers organise the work; approvers and others may read a set but not change it. */
  void requireOfficerOrManager(String what) {
    FoiTeam.requireMember(identityService, what);
    org.springframework.security.core.Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(group -> group.equals(FoiGroups.OFFICERS) || group.equals(FoiGroups.MANAGERS))) {
      throw new AuthorizationException(what + " is for FOI officers and managers");
    }
  }

  /** The same problem+json shape as web.ApiProblems gives an unknown case, naming the set's id. */
  @ExceptionHandler(UnknownRoundRobinException.class)
  ProblemDetail unknown(UnknownRoundRobinException unknown) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    problem.setType(java.net.URI.create("about:blank"));
    problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
    problem.setProperty(ProblemMembers.MESSAGE, unknown.getMessage());
    problem.setProperty("id", unknown.id);
    return problem;
  }
}
