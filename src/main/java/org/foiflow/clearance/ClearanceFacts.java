package org.foiflow.clearance;

import static org.foiflow.casefile.CaseVariable.HIGH_PROFILE_REQUESTER;
import static org.foiflow.casefile.CaseVariable.MEDIA_INTEREST;
import static org.foiflow.casefile.CaseVariable.MINISTERIAL_INTEREST;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SECTION36_CITED;
import static org.foiflow.casefile.CaseVariable.SENSITIVE_SUBJECT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.springframework.stereotype.Component;

/**
 * The facts the clearance-route table reads, each present: a flag nobody set is false (cases refused at triage
 * never cite section 36; cases from before issue 18 have no flags; the API may leave the triage flags out), and
 * the sensitive subject the request names, looked up afresh at each approval so a changed list applies.
 */
@Component("clearanceFacts")
public class ClearanceFacts implements ExecutionListener {

  private static final List<CaseVariable> FLAGS =
      List.of(MEDIA_INTEREST, MINISTERIAL_INTEREST, HIGH_PROFILE_REQUESTER, SECTION36_CITED);

  private final SensitiveSubjects sensitiveSubjects;

  public ClearanceFacts(SensitiveSubjects sensitiveSubjects) {
    this.sensitiveSubjects = sensitiveSubjects;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution.getProcessInstance());
    for (CaseVariable flag : FLAGS) {
      if (!(file.value(flag) instanceof Boolean)) {
        file.put(flag, file.flag(flag)); // absent (false), or text from a script: the table compares Booleans
      }
    }
    file.put(SENSITIVE_SUBJECT, sensitiveSubjects.namedIn(file.text(SUBJECT), file.text(REQUEST_TEXT)).orElse(null));
  }
}
