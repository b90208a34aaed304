package org.foiflow.search;

import org.camunda.bpm.engine.IdentityService;
import org.foiflow.security.FoiTeam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/requests: the case search for the FOI team. Parameters are read as text and checked by
 * {@link SearchQuery}, so a bad one is named in the 400 in plain words.
 */
@RestController
public class CaseSearchController {

  private final CaseSearch search;
  private final IdentityService identityService;

  public CaseSearchController(CaseSearch search, IdentityService identityService) {
    this.search = search;
    this.identityService = identityService;
  }

  @GetMapping("/api/requests")
  public CaseSearch.Found search(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String receivedFrom,
                                 @RequestParam(required = false) String receivedTo,
                                 @RequestParam(required = false) String outcome,
                                 @RequestParam(required = false) String exemption,
                                 @RequestParam(required = false) String page,
                                 @RequestParam(required = false) String size) {
    FoiTeam.requireMember(identityService, "The case search");
    return search.find(SearchQuery.of(q, status, receivedFrom, receivedTo, outcome, exemption, page, size));
  }
}
