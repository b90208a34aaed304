package org.foiflow.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.clock.DeadlineStatus;
import org.foiflow.security.FoiGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/deadlines: the open caseload by statutory deadline, for FOI managers (and the FOI team); {@code q}
 * narrows it to the cases whose reference, requester, subject, request or officer match the words typed.
 */
@RestController
public class DeadlineController {

  private static final List<String> MAY_SEE = List.of(FoiGroups.MANAGERS, FoiGroups.OFFICERS, FoiGroups.APPROVERS);

  /** As the case search's box. */
  static final int MAX_QUERY_CHARS = 200;

  private final DeadlineView view;
  private final IdentityService identityService;

  public DeadlineController(DeadlineView view, IdentityService identityService) {
    this.view = view;
    this.identityService = identityService;
  }

  /** A business unit's group id, as org.foiflow.contributions requires it. */
  private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("bu-[a-z0-9-]{1,61}");

  /**
   * GET /api/deadlines/contributions: the internal deadlines of the business units' open contributions, late ones
   * flagged; {@code unit} (bu-highways) narrows them to one unit.
   */
  @GetMapping("/api/deadlines/contributions")
  public DeadlineView.InternalDeadlines internalDeadlines(@RequestParam(required = false) String unit) {
    refuseOutsiders();
    if (unit != null && !unit.isBlank() && !UNIT.matcher(unit).matches()) {
      throw new CaseDataInvalidException(Map.of("unit", "must be a business unit's group id, such as bu-highways"));
    }
    return view.internalDeadlines(unit == null || unit.isBlank() ? null : unit);
  }

  private void refuseOutsiders() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(MAY_SEE::contains)) {
      throw new AuthorizationException("The deadline view is for the FOI team (" + String.join(", ", MAY_SEE) + ")");
    }
  }

  @GetMapping("/api/deadlines")
  public DeadlineView.Page deadlines(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) DeadlineStatus status,
                                     @RequestParam(defaultValue = "dueOn") DeadlineView.Sort sort,
                                     @RequestParam(defaultValue = "asc") String order,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
    refuseOutsiders();
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      problems.put("size", "must be between 1 and 500");
    }
    if (q != null && q.length() > MAX_QUERY_CHARS) {
      problems.put("q", "at most " + MAX_QUERY_CHARS + " characters");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(problems);
    }
    return view.open(q, status, sort, "desc".equalsIgnoreCase(order), page, size);
  }
}
