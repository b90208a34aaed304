package org.foiflow.correspondence;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.FLAG;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;

/**
 * The variables of bpmn/letter-by-post.bpmn, as documented in docs/process-variables.md, read and written through
 * {@link CaseFile}. The case's reference is {@code caseReference} (and the business key), not {@code reference}:
 * this process is not the case, and its task must not stand for the case's stage.
 */
public enum PostVariable implements ProcessVariable {

  CASE_REFERENCE("caseReference", TEXT),
  LETTER_CASE_ID("letterCaseId", TEXT), LETTER_ID("letterId", TEXT), LETTER_NAME("letterName", TEXT),
  LETTER_WRITTEN_ON("letterWrittenOn", DATE), LETTER_PDF("letterPdf", TEXT),
  POST_REASON("postReason", TEXT),
  RECIPIENT_NAME("recipientName", TEXT), POSTAL_ADDRESS("postalAddress", TEXT),
  POSTAL_ADDRESS_KNOWN("postalAddressKnown", FLAG),
  DATE_POSTED("datePosted", TEXT), POSTED_ON("postedOn", DATE),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP);

  private final Definition definition;

  PostVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
