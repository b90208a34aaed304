package org.foiflow.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;

/**
 * Files the answers of a per-exemption task (one task per exemption, multi-instance) under the exemption
 * it was about, and counts the exemptions that cannot be relied on, so the model's gateway can send the
 * case back to assessment. The answers are then cleared, or they would prefill the next exemption's form.
 */
abstract class PerExemptionRecord implements TaskListener {

  private final String filedUnder;
  private final String failedCount;
  private final String[] fields;

  PerExemptionRecord(String filedUnder, String failedCount, String... fields) {
    this.filedUnder = filedUnder;
    this.failedCount = failedCount;
    this.fields = fields;
  }

  /** Adds what the record derives from the answers; true when the exemption cannot be relied on. */
  abstract boolean fails(Map<String, Object> answers);

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String field : fields) {
      answers.put(field, file.text(field));
    }
    boolean fails = fails(answers);

    Map<String, Object> filed = filed(task.getVariable(filedUnder));
    filed.put(file.text("exemption"), answers);
    task.getExecution().setVariable(filedUnder, filed);
    if (fails) {
      int failed = ((Number) task.getVariable(failedCount)).intValue();
      task.getExecution().setVariable(failedCount, failed + 1);
    }
    for (String field : fields) {
      task.getExecution().removeVariable(field);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> filed(Object stored) {
    return stored instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
  }
}
