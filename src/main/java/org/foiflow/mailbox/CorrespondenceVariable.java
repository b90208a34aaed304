package org.foiflow.mailbox;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;

/**
 * The variables of bpmn/incoming-correspondence.bpmn, as documented in docs/process-variables.md, read and written
 * through {@link CaseFile}. The case a message names is {@code caseReference} (and the business key when there is
 * one), not {@code reference}: this process is not the case.
 */
public enum CorrespondenceVariable implements ProcessVariable {

  // written when the message is filed (org.foiflow.mailbox)
  CORRESPONDENCE_ID("correspondenceId", TEXT), CASE_REFERENCE("caseReference", TEXT),
  HOLDING_REASON("holdingReason", TEXT), CORRESPONDENCE_FROM("correspondenceFrom", TEXT),
  CORRESPONDENCE_SUBJECT("correspondenceSubject", TEXT), CORRESPONDENCE_RECEIVED_ON("correspondenceReceivedOn", DATE),
  CORRESPONDENCE_TEXT("correspondenceText", TEXT),
  // written while it is sorted (org.foiflow.incoming)
  CASE_WAITS_FOR("caseWaitsFor", TEXT), SORTED_AS("sortedAs", TEXT), CORRESPONDENCE_KIND("correspondenceKind", TEXT),
  // the Sort correspondence form's fields for each choice, prefilled from the message (org.foiflow.incoming)
  REQUESTER_NAME("requesterName", TEXT), REQUESTER_EMAIL("requesterEmail", TEXT),
  REQUESTER_ADDRESS("requesterAddress", TEXT), REQUEST_TEXT("requestText", TEXT), REGIME("regime", TEXT),
  LANGUAGE("language", TEXT),
  FILE_TO_REFERENCE("fileToReference", TEXT), SORTING_NOTE("sortingNote", TEXT),
  // the New correspondence form's grounds of an internal review, prefilled with the message's text
  REVIEW_GROUNDS("reviewGrounds", TEXT),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP);

  private final Definition definition;

  CorrespondenceVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
