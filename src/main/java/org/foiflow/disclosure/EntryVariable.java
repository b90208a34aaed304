package org.foiflow.disclosure;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.LIST;
import static org.foiflow.casefile.ProcessVariable.Type.LONG_TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;

/**
 * The variables of bpmn/disclosure-log-entry.bpmn, as documented in docs/process-variables.md, read and written
 * through {@link CaseFile}. The requester's details are never among them.
 */
public enum EntryVariable implements ProcessVariable {

  CASE_REFERENCE("caseReference", TEXT), REFERENCE("reference", TEXT),
  PUBLISH_OUTCOME("publishOutcome", TEXT), RELEASED_INFORMATION("releasedInformation", TEXT),
  REGIME("regime", TEXT), RECEIVED_ON("receivedOn", DATE), RESPONDED_ON("respondedOn", DATE),
  PUBLISH_EXEMPTIONS("publishExemptions", LIST),
  PUBLISHED_SUBJECT("publishedSubject", TEXT), PUBLISHED_REQUEST("publishedRequest", LONG_TEXT),
  PUBLISHED_RESPONSE("publishedResponse", LONG_TEXT),
  PUBLISH_DECISION("publishDecision", TEXT), NOT_PUBLISHING_REASON("notPublishingReason", TEXT),
  PUBLISHED_ON("publishedOn", DATE),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP);

  private final Definition definition;

  EntryVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
