package org.foiflow.incoming;

import static org.foiflow.casefile.CaseVariable.REQUEST_MESSAGE_ID;
import static org.foiflow.mailbox.CorrespondenceVariable.CASE_REFERENCE;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_RECEIVED_ON;
import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_SUBJECT;
import static org.foiflow.mailbox.CorrespondenceVariable.LANGUAGE;
import static org.foiflow.mailbox.CorrespondenceVariable.REGIME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_ADDRESS;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_EMAIL;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUESTER_NAME;
import static org.foiflow.mailbox.CorrespondenceVariable.REQUEST_TEXT;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.casefile.Regime;
import org.foiflow.intake.NewRequest;
import org.foiflow.intake.NewRequests;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.stereotype.Component;

/**
 * "Log as a new request": the message becomes a case exactly as the intake API logs one (intake's
 * {@link NewRequests}, its rules included), by email, received on the day the message arrived, answered to the
 * address the officer confirmed, in the language of letters the officer confirmed (English unless Cymraeg) and
 * threaded by the message's Message-ID; the message is LOGGED under the new
 * reference. Its attachments follow in the next (asynchronous) step, {@link FileAttachmentsToCase}.
 */
@Component("logAsNewRequest")
public class LogAsNewRequest implements JavaDelegate {

  /** The longest subject a request keeps (NewRequest's limit). */
  private static final int SUBJECT_MAX = 200;

  private final NewRequests newRequests;
  private final CorrespondenceRecords records;
  private final OnBehalfOfUser onBehalfOfUser;

  public LogAsNewRequest(NewRequests newRequests, CorrespondenceRecords records, OnBehalfOfUser onBehalfOfUser) {
    this.newRequests = newRequests;
    this.records = records;
    this.onBehalfOfUser = onBehalfOfUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String id = file.text(CORRESPONDENCE_ID);
    CorrespondenceRecords.Message message = records.find(id).orElseThrow();
    String subject = file.text(CORRESPONDENCE_SUBJECT);
    if (subject != null && subject.length() > SUBJECT_MAX) {
      subject = subject.substring(0, SUBJECT_MAX - 3) + "...";
    }
    NewRequest request = new NewRequest(
        new NewRequest.Requester(file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL), file.text(REQUESTER_ADDRESS)),
        file.date(CORRESPONDENCE_RECEIVED_ON), NewRequest.Channel.EMAIL,
        Regime.parse(file.text(REGIME)), subject,
        file.text(REQUEST_TEXT), file.text(LANGUAGE));
    Map<ProcessVariable, Object> more = new HashMap<>();
    if (message.messageId() != null) {
      more.put(REQUEST_MESSAGE_ID, message.messageId().strip());
    }
    // the officer's sorting starts the case, as the intake API would for them
    ProcessInstance started = onBehalfOfUser.act(() -> newRequests.log(request, more));
    String reference = started.getBusinessKey();
    file.put(CASE_REFERENCE, reference);
    execution.setProcessBusinessKey(reference);
    records.placed(id, IncomingCorrespondence.LOGGED, reference);
  }
}
