package org.foiflow.similarity;

import static org.foiflow.casefile.CaseVariable.LETTERS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.drafting.LetterType;
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

  /** The letters that answer a request (not an acknowledgement, a request for detail, a fee or more time). */
  private static final Set<LetterType> RESPONSES = EnumSet.complementOf(EnumSet.of(LetterType.ACKNOWLEDGEMENT,
      LetterType.CLARIFICATION_REQUEST, LetterType.FEES_NOTICE, LetterType.PUBLIC_INTEREST_EXTENSION));

  private final SimilarRequests similarRequests;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final JdbcTemplate jdbc;

  public SimilarRequestsController(SimilarRequests similarRequests, IdentityService identityService,
                                   HistoryService historyService, JdbcTemplate jdbc) {
    this.similarRequests = similarRequests;
    this.identityService = identityService;
    this.historyService = historyService;
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
    return new Items(similarRequests.similarTo(reference, limit).stream()
        .map(similar -> new Item(similar.reference(),
            BigDecimal.valueOf(similar.similarity()).setScale(2, RoundingMode.HALF_UP), similar.sameRequester(),
            similar.receivedOn().toString(), similar.stage(), similar.outcome(), similar.exemptions(),
            letterUrl(similar.reference())))
        .toList());
  }

  private String processInstanceOf(String reference) {
    return jdbc.queryForList("SELECT process_instance_id FROM foi_case WHERE reference = ?", String.class, reference)
        .stream().findFirst().orElse(null);
  }

  /**
   * Where the case page serves the case's response letter as PDF (GET /api/requests/{reference}/letters/{id}.pdf,
   * as FiledLetter names it): the last one sent if any was, else the last one filed (a letter going by post has no
   * sentOn until posted); letters to third parties are not the answer.
   */
  private String letterUrl(String reference) {
    String instance = processInstanceOf(reference);
    HistoricVariableInstance index = instance == null ? null : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName(LETTERS.key()).singleResult();
    Object sent = null;
    Object filed = null;
    if (index != null && index.getValue() instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> letter && letter.get("to") == null
            && RESPONSES.contains(LetterType.ofFiled(String.valueOf(letter.get("type"))))) {
          filed = letter.get("id");
          sent = letter.get("sentOn") != null ? filed : sent;
        }
      }
    }
    Object id = sent != null ? sent : filed;
    return id == null ? null : "/api/requests/" + reference + "/letters/" + id + ".pdf";
  }
}
