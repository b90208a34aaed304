package org.foiflow.similarity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.security.FoiTeam;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/requests/{reference}/similar: the requests like this one, best first, with what was decided on each and
 * the letter that answered it, so an officer can follow (or knowingly depart from) the precedent. FOI team only,
 * as the case search.
 */
@RestController
public class SimilarRequestsController {

  /** One similar request as the API shows it; letterUrl: its response letter's PDF, null when none was sent. */
  public record Item(String reference, BigDecimal similarity, boolean sameRequester, String receivedOn, String stage,
                     String outcome, List<String> exemptions, String letterUrl) {
  }

  /** The answer's body. */
  public record Items(List<Item> items) {
  }

  static final int MOST = 50;

  private final SimilarRequests similarRequests;
  private final ResponseLetters responseLetters;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;

  public SimilarRequestsController(SimilarRequests similarRequests, ResponseLetters responseLetters,
                                   IdentityService identityService, JdbcTemplate jdbc) {
    this.similarRequests = similarRequests;
    this.responseLetters = responseLetters;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/requests/{reference}/similar")
  public Items similar(@PathVariable String reference, @RequestParam(defaultValue = "10") int limit) {
    FoiTeam.requireMember(identityService, "Similar requests");
    if (limit < 1 || limit > MOST) {
      throw new InvalidRequestException(Map.of("limit", "must be from 1 to " + MOST));
    }
    if (processInstanceOf(reference) == null) {
      throw new UnknownCaseException(reference);
    }
    List<SimilarRequests.Similar> found = similarRequests.similarTo(reference, limit);
    Map<String, String> letters = responseLetters.of(found.stream().map(SimilarRequests.Similar::reference).toList());
    return new Items(found.stream()
        .map(similar -> new Item(similar.reference(),
            BigDecimal.valueOf(similar.similarity()).setScale(2, RoundingMode.HALF_UP), similar.sameRequester(),
            similar.receivedOn().toString(), similar.stage(), similar.outcome(), similar.exemptions(),
            letters.get(similar.reference())))
        .toList());
  }

  private String processInstanceOf(String reference) {
    return jdbc.queryForList("SELECT process_instance_id FROM foi_case WHERE reference = ?", String.class, reference)
        .stream().findFirst().orElse(null);
  }
}
