package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.EXEMPTION;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;

/**
 * Files the answers of a per-exemption task (one task per exemption, multi-instance) under the exemption
 * it was about, and counts the exemptions that cannot be relied on, so the model's gateway can send the
 * case back to assessment. The answers are then cleared, or they would prefill the next exemption's form.
 */
abstract class PerExemptionRecord implements TaskListener {

  private final CaseVariable filedUnder;
  private final CaseVariable failedCount;
  private final CaseVariable[] fields;

  PerExemptionRecord(CaseVariable filedUnder, CaseVariable failedCount, CaseVariable... fields) {
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
    for (CaseVariable field : fields) {
      answers.put(field.key(), file.text(field));
    }
    boolean fails = fails(answers);

    Map<String, Object> filed = filed(file.value(filedUnder));
    filed.put(file.text(EXEMPTION), answers);
    CaseFile execution = CaseFile.of(task.getExecution());
    execution.put(filedUnder, filed);
    if (fails) {
      int failed = ((Number) file.value(failedCount)).intValue();
      execution.put(failedCount, failed + 1);
    }
    for (CaseVariable field : fields) {
      execution.remove(field);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> filed(Object stored) {
    return stored instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
  }
}
