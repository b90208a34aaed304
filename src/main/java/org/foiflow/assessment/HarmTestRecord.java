package org.foiflow.assessment;

import static org.foiflow.casefile.CaseVariable.CAUSAL_LINK;
import static org.foiflow.casefile.CaseVariable.HARM;
import static org.foiflow.casefile.CaseVariable.HARM_CONCLUSION;
import static org.foiflow.casefile.CaseVariable.HARM_NOT_SHOWN_COUNT;
import static org.foiflow.casefile.CaseVariable.HARM_TESTS;
import static org.foiflow.casefile.CaseVariable.LIKELIHOOD;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * On completing a "Harm test" task: files the officer's harm, causal link and likelihood in "harmTests"
 * under the exemption, and counts in "harmNotShownCount" the exemptions where no real harm was shown.
 */
@Component("harmTestRecord")
public class HarmTestRecord extends PerExemptionRecord {

  public HarmTestRecord() {
    super(HARM_TESTS, HARM_NOT_SHOWN_COUNT, HARM, CAUSAL_LINK, LIKELIHOOD, HARM_CONCLUSION);
  }

  @Override
  boolean fails(Map<String, Object> answers) {
    boolean shown = "SHOWN".equals(answers.get(HARM_CONCLUSION.key()));
    answers.put("harmShown", shown);
    return !shown;
  }
}
