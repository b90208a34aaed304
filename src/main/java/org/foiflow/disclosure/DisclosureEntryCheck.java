package org.foiflow.disclosure;

import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.disclosure.EntryVariable.NOT_PUBLISHING_REASON;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_REQUEST;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_RESPONSE;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_SUBJECT;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_DECISION;

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
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.redaction.PdfText;
import org.foiflow.release.ReleaseBundle;
import org.springframework.stereotype.Component;

/**
 * On completing "Approve the disclosure log entry": nothing is published that names the requester. The
 * officer's edited texts, and the text of the released copies the entry would offer, are checked against the
 * requester's details, read afresh from the original case;
 * a refusal names each field and completes nothing.
 */
@Component("disclosureEntryCheck")
public class DisclosureEntryCheck implements TaskListener {

  private static final EntryVariable[] PUBLISHED = {PUBLISHED_SUBJECT, PUBLISHED_REQUEST, PUBLISHED_RESPONSE};

  private final OriginalCases originalCases;
  private final ReleaseBundle releaseBundle;

  public DisclosureEntryCheck(OriginalCases originalCases, ReleaseBundle releaseBundle) {
    this.originalCases = originalCases;
    this.releaseBundle = releaseBundle;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile entry = CaseFile.of(task);
    Map<String, String> problems = new LinkedHashMap<>();
    for (EntryVariable field : PUBLISHED) {
      Object value = entry.value(field);
      // Tasklist sends text; anything else (e.g. an object through the REST API) would be published as its toString
      if (value != null && !(value instanceof String) && !(value instanceof SpinJsonNode json && json.isString())) {
        problems.put(field.key(), "must be text");
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
    if (DisclosureLogEntry.PUBLISH.equals(entry.text(PUBLISH_DECISION))) {
      OriginalCase original = originalCases.find(entry.reference()).orElseThrow();
      PersonalData requester = PersonalData.of(original.text(REQUESTER_NAME), original.text(REQUESTER_EMAIL),
          original.text(REQUESTER_ADDRESS));
      for (EntryVariable field : PUBLISHED) {
        List<String> shown = requester.shownIn(entry.text(field));
        if (!shown.isEmpty()) {
          problems.put(field.key(), "still shows the requester's " + String.join(" and ", shown) + ": remove it before publishing");
        }
      }
      // the released copies go on the log as they were released, under their file names: one that shows the
      // requester, in its text or its name ("Letter to Sam Citizen.pdf"), cannot
      for (ReleasedCopy copy : releaseBundle.copies(original.processInstanceId())) {
        List<String> shown = requester.shownIn(copy.fileName() + "\n" + PdfText.text(copy.pdf()));
        if (!shown.isEmpty()) {
          problems.merge(PUBLISH_DECISION.key(), "the released document '" + copy.fileName() + "' shows the requester's "
              + String.join(" and ", shown) + ": the log would publish it with the entry, so do not publish this entry",
              (first, next) -> first + "; " + next);
        }
      }
      if (entry.text(PUBLISHED_REQUEST) == null || entry.text(PUBLISHED_REQUEST).isBlank()) {
        problems.put(PUBLISHED_REQUEST.key(), "the request to publish is required");
      }
      if (entry.text(PUBLISHED_RESPONSE) == null || entry.text(PUBLISHED_RESPONSE).isBlank()) {
        problems.put(PUBLISHED_RESPONSE.key(), "the response to publish is required");
      }
    } else if (entry.text(NOT_PUBLISHING_REASON) == null || entry.text(NOT_PUBLISHING_REASON).isBlank()) {
      problems.put(NOT_PUBLISHING_REASON.key(), "say why this release is not published");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
  }
}
