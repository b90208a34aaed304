package org.foiflow.clearance;

import static org.foiflow.casefile.CaseVariable.HIGH_PROFILE_REQUESTER;
import static org.foiflow.casefile.CaseVariable.MEDIA_INTEREST;
import static org.foiflow.casefile.CaseVariable.MINISTERIAL_INTEREST;
import static org.foiflow.casefile.CaseVariable.SECTION36_CITED;
import static org.foiflow.casefile.CaseVariable.SENSITIVE_SUBJECT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.springframework.stereotype.Component;

/**
 * The facts the clearance-route table reads, each present: a flag nobody set is false (cases refused at triage
 * never cite section 36; cases from before issue 18 have no flags).
 */
@Component("clearanceFacts")
public class ClearanceFacts implements ExecutionListener {

  private static final List<CaseVariable> FLAGS =
      List.of(MEDIA_INTEREST, MINISTERIAL_INTEREST, HIGH_PROFILE_REQUESTER, SECTION36_CITED);

  @Override
  public void notify(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution.getProcessInstance());
    for (CaseVariable flag : FLAGS) {
      if (file.value(flag) == null) {
        file.put(flag, false);
      }
    }
    if (file.value(SENSITIVE_SUBJECT) == null) {
      file.put(SENSITIVE_SUBJECT, null);
    }
  }
}
