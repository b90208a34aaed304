package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.CLOSED_ON;
import static org.foiflow.casefile.CaseVariable.OUTCOME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/** Closes a case with its recorded outcome and stops the statutory clock ("Close as lapsed" calls it too). */
@Component("caseClosure")
public class CaseClosure {

  private final CaseClock caseClock;
  private final CaseIndex caseIndex;

  public CaseClosure(CaseClock caseClock, CaseIndex caseIndex) {
    this.caseClock = caseClock;
    this.caseIndex = caseIndex;
  }

  public void close(DelegateExecution execution, String outcome) {
    CaseFile.of(execution).put(OUTCOME, outcome);
    CaseFile.of(execution).put(CLOSED_ON, today());
    caseClock.stop(execution);
    caseIndex.closed(execution.getProcessInstanceId(), outcome, caseClock.today(),
        CaseFile.of(execution).date(RESPONDED_ON));
  }

  String today() {
    return caseClock.today().toString();
  }
}
