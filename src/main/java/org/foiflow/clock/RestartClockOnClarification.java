package org.foiflow.clock;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Restart the statutory clock": s.1(3) with s.10(1): a request that needed clarifying is treated as
 * received on the day the clarification arrives, so a fresh 20 working days runs from then.
 */
@Component("restartClock")
public class RestartClockOnClarification implements JavaDelegate {

  private final CaseClock caseClock;

  public RestartClockOnClarification(CaseClock caseClock) {
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String clarified = file.text("clarifiedRequest");
    if (clarified != null && !clarified.isBlank()) {
      execution.setVariable("originalRequestText", file.text("requestText"));
      execution.setVariable("requestText", clarified);
    }
    LocalDate receivedOn = file.dayThatHappened("clarificationReceivedOn", caseClock.today());
    caseClock.start(execution, receivedOn != null ? receivedOn : caseClock.today());
    // The clarified request is triaged afresh, not on the answers that asked for clarification.
    execution.setVariable("clarificationNeeded", false);
    execution.setVariable("validRequest", true);
  }
}
