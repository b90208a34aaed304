package org.foiflow.requesters;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.security.FoiTeam;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/requests/{reference}/requester-history: the requester's other requests, newest first. Personal data
 * (who asked what), so for the FOI team only: business units work applicant-blind and get 403.
 */
@RestController
public class RequesterHistoryController {

  private final RequesterHistory history;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;

  public RequesterHistoryController(RequesterHistory history, IdentityService identityService, JdbcTemplate jdbc) {
    this.history = history;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/requests/{reference}/requester-history")
  public Map<String, List<RequesterHistory.OtherRequest>> history(@PathVariable String reference) {
    FoiTeam.requireMember(identityService, "A requester's history");
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE reference = ?", Integer.class, reference);
    if (found == null || found == 0) {
      throw new UnknownCaseException(reference);
    }
    return Map.of("items", history.of(reference));
  }
}
