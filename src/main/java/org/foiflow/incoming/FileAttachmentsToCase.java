package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.stereotype.Component;

/**
 * "File the attachments to the new case": a message logged as a new request gives the case it became its
 * attachments, once that case is committed (the step is asynchronous: the documents' rules read the case as stored).
 */
@Component("fileAttachmentsToCase")
public class FileAttachmentsToCase implements JavaDelegate {

  private final CaseAttachments attachments;
  private final RequestStatusQuery statusQuery;

  public FileAttachmentsToCase(CaseAttachments attachments, RequestStatusQuery statusQuery) {
    this.attachments = attachments;
    this.statusQuery = statusQuery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String reference = file.text(CASE_REFERENCE);
    String caseId = statusQuery.byReference(reference).map(RequestStatus::processInstanceId)
        .orElseThrow(() -> new UnknownCaseException(reference));
    attachments.fileTo(file.text(CORRESPONDENCE_ID), caseId);
  }
}
