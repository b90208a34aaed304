package org.foiflow.similarity;

import static org.foiflow.casefile.CaseVariable.LETTERS;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.foiflow.drafting.LetterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The letter that answered each of some cases, where it is served as PDF (GET /api/requests/{reference}/letters/
 * {id}.pdf, as FiledLetter names it): the precedent the similar requests link to, on the API and the case page
 * alike. The last response sent if any was, else the last filed (a letter going by post has no sentOn until
 * posted); an acknowledgement, a request for detail, a fees notice, more time or a letter to a third party is not
 * the answer. One history query for all the cases.
 */
@Component
public class ResponseLetters {

  private static final Set<LetterType> RESPONSES = EnumSet.complementOf(EnumSet.of(LetterType.ACKNOWLEDGEMENT,
      LetterType.CLARIFICATION_REQUEST, LetterType.FEES_NOTICE, LetterType.PUBLIC_INTEREST_EXTENSION));

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;

  public ResponseLetters(JdbcTemplate jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  /** The response letter's PDF link of each case that has one, by reference. */
  public Map<String, String> of(Collection<String> references) {
    Map<String, String> letters = new HashMap<>();
    if (references.isEmpty()) {
      return letters;
    }
    Map<String, String> byInstance = new HashMap<>();
    jdbc.query("SELECT process_instance_id, reference FROM foi_case WHERE reference IN ("
            + String.join(", ", Collections.nCopies(references.size(), "?")) + ")",
        rs -> {
          byInstance.put(rs.getString(1), rs.getString(2));
        }, references.toArray());
    if (byInstance.isEmpty()) {
      return letters;
    }
    for (HistoricVariableInstance index : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).variableName(LETTERS.key()).list()) {
      String reference = byInstance.get(index.getProcessInstanceId());
      Object id = reference == null ? null : answer(index.getValue());
      if (id != null) {
        letters.put(reference, "/api/requests/" + reference + "/letters/" + id + ".pdf");
      }
    }
    return letters;
  }

  /** The id of the answer among a case's filed letters, or null. */
  private static Object answer(Object filedLetters) {
    Object sent = null;
    Object filed = null;
    if (filedLetters instanceof Collection<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> letter && letter.get("to") == null
            && RESPONSES.contains(LetterType.ofFiled(String.valueOf(letter.get("type"))))) {
          filed = letter.get("id");
          sent = letter.get("sentOn") != null ? filed : sent;
        }
      }
    }
    return sent != null ? sent : filed;
  }
}
