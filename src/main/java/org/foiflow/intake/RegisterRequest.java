package org.foiflow.intake;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.CostLimit;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Register request": the case gets its reference (also its business key, so messages and people can
 * find it), its statutory clock, and the cost-limit settings in force on the day it arrived.
 */
@Component("registerRequest")
public class RegisterRequest implements JavaDelegate {

  private final ReferenceNumbers referenceNumbers;
  private final CaseClock caseClock;
  private final CaseIndex caseIndex;
  private final int hourlyRatePounds;
  private final int costLimitPounds;

  public RegisterRequest(ReferenceNumbers referenceNumbers, CaseClock caseClock, CaseIndex caseIndex,
                         CostLimit costLimit) {
    this.referenceNumbers = referenceNumbers;
    this.caseClock = caseClock;
    this.caseIndex = caseIndex;
    this.hourlyRatePounds = costLimit.hourlyRatePounds();
    this.costLimitPounds = costLimit.limitPounds();
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate today = caseClock.today();
    LocalDate receivedOn = file.date("receivedOn") != null ? file.date("receivedOn") : today;
    RequestRules.check(file.text("requesterName"), file.text("requesterEmail"),
        file.text("requesterAddress"), file.text("requestText"), receivedOn, today);

    String reference = referenceNumbers.next(receivedOn.getYear());
    execution.setVariable("reference", reference);
    execution.setProcessBusinessKey(reference);
    execution.setVariable("receivedOn", receivedOn.toString());
    if (file.text("regime") == null) {
      execution.setVariable("regime", "FOIA");
    }
    execution.setVariable("hourlyRatePounds", hourlyRatePounds);
    execution.setVariable("costLimitPounds", costLimitPounds);
    LocalDate due = caseClock.start(execution, receivedOn);
    caseIndex.registered(reference, execution.getProcessInstanceId(), file.text("regime") == null ? "FOIA"
        : file.text("regime"), file.text("channel"), receivedOn, due, IntakeFingerprint.of(
            file.text("requesterName"), file.text("requesterEmail"), file.text("requesterAddress"),
            file.text("requestText"), receivedOn));
  }
}
