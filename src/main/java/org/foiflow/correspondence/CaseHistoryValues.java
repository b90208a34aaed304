package org.foiflow.correspondence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A case's (or a review's) own values from history, which keeps them after it has closed: the process-level value
 * of each name, not a task's copy of it, read as the caller may read history.
 */
final class CaseHistoryValues {

  private CaseHistoryValues() {
  }

  static Map<String, TypedValue> of(HistoryService history, String processInstanceId, List<String> names) {
    Map<String, TypedValue> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(names.toArray(String[]::new)).list()) {
      boolean caseLevel = processInstanceId.equals(variable.getActivityInstanceId());
      if (caseLevel || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getTypedValue());
      }
    }
    return values;
  }
}
