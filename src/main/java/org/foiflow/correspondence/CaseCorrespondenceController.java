package org.foiflow.correspondence;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.foiflow.security.FoiGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/requests/{reference}/correspondence: the case's correspondence both ways, oldest first
 * ({@link CaseCorrespondence}). For those who read the case page (the FOI groups and administrators; anyone else 403);
 * the case is then found as the caller, like its letters, so one the caller may not read is unknown (404).
 */
@RestController
public class CaseCorrespondenceController {

  /** The groups that read cases (as the engine's authorizations grant), and administrators: the case page's. */
  static final List<String> MAY_READ = List.of(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS,
      Groups.CAMUNDA_ADMIN);

  private final RequestStatusQuery statusQuery;
  private final CaseCorrespondence correspondence;

  public CaseCorrespondenceController(RequestStatusQuery statusQuery, CaseCorrespondence correspondence) {
    this.statusQuery = statusQuery;
    this.correspondence = correspondence;
  }

  @GetMapping("/api/requests/{reference}/correspondence")
  public Map<String, List<CorrespondenceItem>> correspondence(@PathVariable String reference,
                                                              Authentication signedIn) {
    if (signedIn == null || signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(MAY_READ::contains)) {
      throw new AuthorizationException("a case's correspondence is for the FOI team and administrators");
    }
    String processInstanceId = statusQuery.byReference(reference).map(RequestStatus::processInstanceId)
        .orElseThrow(() -> new UnknownCaseException(reference));
    return Map.of("items", correspondence.of(reference, processInstanceId));
  }
}
