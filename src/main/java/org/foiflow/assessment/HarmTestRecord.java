package org.foiflow.assessment;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * On completing a "Harm test" task: files the officer's harm, causal link and likelihood in "harmTests"
 * under the exemption, and counts in "harmNotShownCount" the exemptions where no real harm was shown.
 */
@Component("harmTestRecord")
public class HarmTestRecord extends PerExemptionRecord {

  public HarmTestRecord() {
    super("harmTests", "harmNotShownCount", "harm", "causalLink", "likelihood", "harmConclusion");
  }

  @Override
  boolean fails(Map<String, Object> answers) {
    boolean shown = "SHOWN".equals(answers.get("harmConclusion"));
    answers.put("harmShown", shown);
    return !shown;
  }
}
