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
 * "File the message to the case": the message is on the case's correspondence (FILED, with its reference; the
 * process's business key becomes the reference) and its attachments become the case's undecided documents.
 */
@Component("fileToCase")
public class FileToCase implements JavaDelegate {

  private final CorrespondenceRecords records;
  private final CaseAttachments attachments;
  private final RequestStatusQuery statusQuery;

  public FileToCase(CorrespondenceRecords records, CaseAttachments attachments, RequestStatusQuery statusQuery) {
    this.records = records;
    this.attachments = attachments;
    this.statusQuery = statusQuery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String reference = file.text(CASE_REFERENCE);
    String caseId = statusQuery.byReference(reference).map(RequestStatus::processInstanceId)
        .orElseThrow(() -> new UnknownCaseException(reference));
    execution.setProcessBusinessKey(reference);
    String id = file.text(CORRESPONDENCE_ID);
    records.placed(id, IncomingCorrespondence.FILED, reference);
    attachments.fileTo(id, caseId);
  }
}
