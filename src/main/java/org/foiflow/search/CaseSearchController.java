package org.foiflow.search;

import org.camunda.bpm.engine.IdentityService;
import org.foiflow.security.FoiTeam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/requests: the case search for the FOI team. Its parameters are {@link SearchParameters}; a bad one
 * is named in the 400.
 */
@RestController
public class CaseSearchController {

  private final CaseSearch search;
  private final IdentityService identityService;

  public CaseSearchController(CaseSearch search, IdentityService identityService) {
    this.search = search;
    this.identityService = identityService;
  }

  /** Every parameter is optional: no parameters at all lists every case, newest first, 20 a page. */
  @GetMapping("/api/requests")
  public CaseSearch.Found search(SearchParameters parameters) {
    FoiTeam.requireMember(identityService, "The case search");
    return search.find(parameters.query());
  }
}
