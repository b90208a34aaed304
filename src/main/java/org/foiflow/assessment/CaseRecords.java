package org.foiflow.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Shared by the per-exemption records: the filed map, and a clean form for the next exemption's task. */
final class CaseRecords {

  private CaseRecords() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object stored) {
    return stored instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
  }

  /** The answers now live under their exemption; left as plain variables they would prefill the next task. */
  static void clearFormFields(DelegateTask task, String[] fields) {
    for (String field : fields) {
      task.getExecution().removeVariable(field);
    }
  }
}
