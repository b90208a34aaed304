package org.foiflow.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * On completing a "Public interest test" task: files the factors for and against disclosure and the
 * balancing conclusion under the exemption, and counts the exemptions whose balance favours disclosure
 * (s.2(2)(b): such an exemption cannot be relied on, so the model returns the case to assessment).
 */
@Component("publicInterestRecord")
public class PublicInterestRecord implements TaskListener {

  static final String[] FIELDS = {"factorsFor", "factorsAgainst", "balance", "conclusion"};

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String exemption = file.text("exemption");
    Map<String, Object> test = new LinkedHashMap<>();
    for (String field : FIELDS) {
      test.put(field, file.text(field));
    }
    Map<String, Object> tests = CaseRecords.map(task.getVariable("publicInterestTests"));
    tests.put(exemption, test);
    task.getExecution().setVariable("publicInterestTests", tests);
    if ("DISCLOSE".equals(test.get("balance"))) {
      int favoursDisclosure = ((Number) task.getVariable("balanceFavoursDisclosureCount")).intValue();
      task.getExecution().setVariable("balanceFavoursDisclosureCount", favoursDisclosure + 1);
    }
    CaseRecords.clearFormFields(task, FIELDS);
  }
}
