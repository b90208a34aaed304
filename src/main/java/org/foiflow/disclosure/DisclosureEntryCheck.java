package org.foiflow.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.OriginalCase;
import org.foiflow.casefile.OriginalCases;
import org.springframework.stereotype.Component;

/**
 * On completing "Approve the disclosure log entry": nothing is published that names the requester. The
 * officer's edited texts are checked against the requester's details, read afresh from the original case;
 * a refusal names each field and completes nothing.
 */
@Component("disclosureEntryCheck")
public class DisclosureEntryCheck implements TaskListener {

  private static final String[] PUBLISHED = {"publishedSubject", "publishedRequest", "publishedResponse"};

  private final OriginalCases originalCases;

  public DisclosureEntryCheck(OriginalCases originalCases) {
    this.originalCases = originalCases;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile entry = CaseFile.of(task);
    Map<String, String> problems = new LinkedHashMap<>();
    for (String field : PUBLISHED) {
      Object value = task.getVariable(field);
      // Tasklist sends text; anything else (e.g. an object through the REST API) would be published as its toString
      if (value != null && !(value instanceof String) && !(value instanceof SpinJsonNode json && json.isString())) {
        problems.put(field, "must be text");
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
    if (DisclosureLogEntry.PUBLISH.equals(entry.text("publishDecision"))) {
      OriginalCase original = originalCases.find(entry.reference()).orElseThrow();
      PersonalData requester = PersonalData.of(original.text("requesterName"), original.text("requesterEmail"),
          original.text("requesterAddress"));
      for (String field : PUBLISHED) {
        List<String> shown = requester.shownIn(entry.text(field));
        if (!shown.isEmpty()) {
          problems.put(field, "still shows the requester's " + String.join(" and ", shown) + ": remove it before publishing");
        }
      }
      if (entry.text("publishedRequest") == null || entry.text("publishedRequest").isBlank()) {
        problems.put("publishedRequest", "the request to publish is required");
      }
      if (entry.text("publishedResponse") == null || entry.text("publishedResponse").isBlank()) {
        problems.put("publishedResponse", "the response to publish is required");
      }
    } else if (entry.text("notPublishingReason") == null || entry.text("notPublishingReason").isBlank()) {
      problems.put("notPublishingReason", "say why this release is not published");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
  }
}
