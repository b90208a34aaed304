package org.foiflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/** Closes a case with its recorded outcome and stops the statutory clock ("Close as lapsed" calls it too). */
@Component("caseClosure")
public class CaseClosure {

  private final CaseClock caseClock;

  public CaseClosure(CaseClock caseClock) {
    this.caseClock = caseClock;
  }

  public void close(DelegateExecution execution, String outcome) {
    execution.setVariable("outcome", outcome);
    execution.setVariable("closedOn", today());
    caseClock.stop(execution);
  }

  String today() {
    return caseClock.today().toString();
  }
}
