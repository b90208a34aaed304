package org.foiflow.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * On completing a "Harm test" task: files the officer's harm, causal link and likelihood under the
 * exemption the task was about, and counts the exemptions where no real harm was shown (the model sends
 * the case back to assessment when that count is not zero).
 */
@Component("harmTestRecord")
public class HarmTestRecord implements TaskListener {

  static final String[] FIELDS = {"harm", "causalLink", "likelihood", "harmConclusion"};

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String exemption = file.text("exemption");
    Map<String, Object> test = new LinkedHashMap<>();
    for (String field : FIELDS) {
      test.put(field, file.text(field));
    }
    boolean shown = "SHOWN".equals(test.get("harmConclusion"));
    test.put("harmShown", shown);

    Map<String, Object> tests = CaseRecords.map(task.getVariable("harmTests"));
    tests.put(exemption, test);
    task.getExecution().setVariable("harmTests", tests);
    if (!shown) {
      int notShown = ((Number) task.getVariable("harmNotShownCount")).intValue();
      task.getExecution().setVariable("harmNotShownCount", notShown + 1);
    }
    CaseRecords.clearFormFields(task, FIELDS);
  }
}
