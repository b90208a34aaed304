package org.foiflow.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What GET /api/requests/{reference} shows of a case. */
public record RequestStatus(String reference, String processInstanceId, List<String> stage, String receivedOn,
                            String dueOn, Integer workingDaysRemaining, String clock, String clockPausedReason,
                            String regime, String subject, String outcome, String respondedOn,
                            Map<String, String> extension) {

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("reference", reference);
    map.put("processInstanceId", processInstanceId);
    map.put("stage", stage);
    map.put("receivedOn", receivedOn);
    map.put("dueOn", dueOn);
    map.put("workingDaysRemaining", workingDaysRemaining);
    map.put("clock", clock);
    if (clockPausedReason != null) {
      map.put("clockPausedReason", clockPausedReason);
    }
    map.put("regime", regime);
    map.put("subject", subject);
    if (extension != null && !extension.isEmpty()) {
      map.put("extension", extension);
    }
    if (outcome != null) {
      map.put("outcome", outcome);
      map.put("respondedOn", respondedOn);
    }
    return map;
  }
}
