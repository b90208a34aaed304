package org.foiflow.clearance;

import static org.foiflow.casefile.CaseVariable.CLEARANCES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.foiflow.casefile.CaseFile;

/**
 * The case's "clearances": every clearance asked and given, in order, each a map of stage, askedAt, decidedAt,
 * decidedBy, decision and comments (ISO timestamps), as the case page shows them.
 */
public final class Clearances {

  static final String STAGE = "stage";
  static final String ASKED_AT = "askedAt";
  static final String DECIDED_AT = "decidedAt";
  static final String DECIDED_BY = "decidedBy";
  static final String DECISION = "decision";
  static final String COMMENTS = "comments";

  private Clearances() {
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> of(CaseFile file) {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (file.value(CLEARANCES) instanceof List<?> stored) {
      stored.forEach(entry -> entries.add(new LinkedHashMap<>((Map<String, Object>) entry)));
    }
    return entries;
  }

  /**
   * Who cleared the response as the press office in the round now at senior clearance: a round is one approval
   * followed by its clearances, so the press office's approval of this round is the last decision taken (an
   * earlier round's would be followed by its senior's decision, or it ended in amendments or a send back).
   */
  public static Optional<String> pressOfficeClearerOfThisRound(CaseFile file) {
    List<Map<String, Object>> decided = of(file).stream().filter(entry -> entry.get(DECIDED_AT) != null).toList();
    if (decided.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> last = decided.get(decided.size() - 1);
    return ClearanceStage.PRESS_OFFICE.name().equals(last.get(STAGE)) && "APPROVE".equals(last.get(DECISION))
        ? Optional.ofNullable((String) last.get(DECIDED_BY)) : Optional.empty();
  }
}
