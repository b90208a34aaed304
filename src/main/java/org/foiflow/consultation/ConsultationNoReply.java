package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.CONSULTATION_REPLY_DUE_ON;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_SUMMARY;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.drafting.LetterFormats;
import org.springframework.stereotype.Component;

/** "Record no reply": the working days given to the third party are over and they did not reply. */
@Component("consultationNoReply")
public class ConsultationNoReply implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate due = file.date(CONSULTATION_REPLY_DUE_ON);
    file.put(THIRD_PARTY_VIEW, ThirdPartyViews.NO_REPLY);
    file.put(THIRD_PARTY_VIEW_SUMMARY, due == null ? "No reply in the time given."
        : "No reply by " + LetterFormats.INSTANCE.date(due) + ", the day we asked for their view by.");
    file.put(THIRD_PARTY_VIEW_RECEIVED_ON, null);
  }
}
