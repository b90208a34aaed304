package org.foiflow.clock;

import static org.foiflow.casefile.CaseVariable.AT_RISK_ESCALATED;
import static org.foiflow.casefile.CaseVariable.BREACH_ESCALATED;
import static org.foiflow.casefile.CaseVariable.DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENDED_DUE_ON;
import static org.foiflow.casefile.CaseVariable.EXTENSION_EXCEEDS_GUIDANCE;
import static org.foiflow.casefile.CaseVariable.EXTENSION_KIND;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_DUE_ON;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REGIME;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Regime;
import org.springframework.stereotype.Component;

/**
 * "Extend the statutory deadline". Public interest (FOIA s.10(3)): the officer names the new date; the ICO
 * regards more than 20 further working days as unreasonable save in exceptional cases, so the case is
 * flagged when that is exceeded. Complex and voluminous environmental information (EIR reg 7): 40 working
 * days from receipt. The first due date is kept, because the s.17 notice is owed by then.
 *
 * <p>Scotland: FOISA has no public interest extension at all (s.10(1) is 20 working days, whatever the test), and the
 * EISR have only reg 7's 40 working days, counted on Scotland's working days. Whoever sends the message, a FOISA case
 * is never extended and an EISR case only under reg 7.
 */
@Component("extendDeadline")
public class ExtendDeadline implements JavaDelegate {

  public static final String PUBLIC_INTEREST = "PUBLIC_INTEREST";
  public static final String EIR_COMPLEX = "EIR_COMPLEX";

  /** Why a FOISA case's deadline cannot be extended, as every door says it. */
  public static final String NO_EXTENSION_UNDER_FOISA = "FOISA has no public interest extension: a Scottish "
      + "authority must respond within 20 working days (s.10(1)), whatever public interest test it has to weigh; "
      + "only an environmental request under the EISR may be extended (reg 7, to 40 working days)";

  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;

  public ExtendDeadline(StatutoryClock statutoryClock, CaseClock caseClock) {
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate originalDue = file.date(ORIGINAL_DUE_ON) != null ? file.date(ORIGINAL_DUE_ON) : file.date(DUE_ON);
    String kind = file.text(EXTENSION_KIND);
    Regime regime = Regime.of(file.text(REGIME));
    if (regime == Regime.FOISA) {
      throw CaseDataInvalidException.refused("Cannot extend the deadline",
          Map.of(EXTENSION_KIND.key(), NO_EXTENSION_UNDER_FOISA));
    }
    if (regime == Regime.EISR && !EIR_COMPLEX.equals(kind)) {
      throw CaseDataInvalidException.refused("Cannot extend the deadline", Map.of(EXTENSION_KIND.key(),
          "the EISR have no public interest extension: only a complex and voluminous request may be extended "
              + "(reg 7, EIR_COMPLEX, to 40 working days)"));
    }
    LocalDate extendedDue = EIR_COMPLEX.equals(kind)
        ? statutoryClock.eirComplexExtension(file.date(RECEIVED_ON))
        : file.date(EXTENDED_DUE_ON);
    LocalDate currentDue = file.date(DUE_ON);
    if (currentDue != null && !extendedDue.isAfter(currentDue)) {
      // whoever sends the message (an endpoint, an administrator, a test): a deadline is never brought forward
      throw CaseDataInvalidException.refused("Cannot extend the deadline", Map.of(
          (EIR_COMPLEX.equals(kind) ? EXTENSION_KIND : EXTENDED_DUE_ON).key(),
          "the extended due date " + extendedDue + " must be after the current due date " + currentDue));
    }
    file.put(ORIGINAL_DUE_ON, originalDue.toString());
    file.put(EXTENDED_DUE_ON, extendedDue.toString());
    file.put(EXTENSION_EXCEEDS_GUIDANCE,
        PUBLIC_INTEREST.equals(kind) && statutoryClock.extensionExceedsGuidance(originalDue, extendedDue));
    caseClock.runUntil(execution, extendedDue);
    // a later alert is owed for the new date
    file.put(AT_RISK_ESCALATED, false);
    file.put(BREACH_ESCALATED, false);
  }
}
