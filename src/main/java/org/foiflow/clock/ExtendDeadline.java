package org.foiflow.clock;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.Map;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Extend the statutory deadline". Public interest (FOIA s.10(3)): the officer names the new date; the ICO
 * regards more than 20 further working days as unreasonable save in exceptional cases, so the case is
 * flagged when that is exceeded. Complex and voluminous environmental information (EIR reg 7): 40 working
 * days from receipt. The first due date is kept, because the s.17 notice is owed by then.
 */
@Component("extendDeadline")
public class ExtendDeadline implements JavaDelegate {

  public static final String PUBLIC_INTEREST = "PUBLIC_INTEREST";
  public static final String EIR_COMPLEX = "EIR_COMPLEX";

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;

  public ExtendDeadline(StatutoryClock statutoryClock, CaseClock caseClock) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate originalDue = file.date("originalDueOn") != null ? file.date("originalDueOn") : file.date("dueOn");
    String kind = file.text("extensionKind");
    LocalDate extendedDue = EIR_COMPLEX.equals(kind)
        ? statutoryClock.eirComplexExtension(file.date("receivedOn"))
        : file.date("extendedDueOn");
    LocalDate currentDue = file.date("dueOn");
    if (currentDue != null && !extendedDue.isAfter(currentDue)) {
      // whoever sends the message (an endpoint, an administrator, a test): a deadline is never brought forward
      throw CaseDataInvalidException.refused("Cannot extend the deadline", Map.of(
          EIR_COMPLEX.equals(kind) ? "extensionKind" : "extendedDueOn",
          "the extended due date " + extendedDue + " must be after the current due date " + currentDue));
    }
    execution.setVariable("originalDueOn", originalDue.toString());
    execution.setVariable("extendedDueOn", extendedDue.toString());
    execution.setVariable("extensionExceedsGuidance",
        PUBLIC_INTEREST.equals(kind) && statutoryClock.extensionExceedsGuidance(originalDue, extendedDue));
    caseClock.runUntil(execution, extendedDue);
    // a later alert is owed for the new date
    execution.setVariable("atRiskEscalated", false);
    execution.setVariable("breachEscalated", false);
  }
}
