package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.FEES_NOTICE_GIVEN_ON;
import static org.foiflow.casefile.CaseVariable.FEE_LAPSES_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.LetterType;
import org.foiflow.fees.FeesRegulationsScotland;
import org.springframework.stereotype.Component;

/**
 * "Send fees notice": s.9. The clock stops on the day the notice is given (s.10(2)); if the fee is not paid
 * within three months the authority need not comply (s.9(2); FOISA s.9(4)), so the case lapses then. Under FOISA the
 * 20 working days likewise do not run while the fee is unpaid (s.9(3)).
 */
@Component("sendFeesNotice")
public class SendFeesNotice implements JavaDelegate {

  private final Correspondence correspondence;
  private final CaseClock caseClock;
  private final FeesRegulationsScotland scottishFees;

  public SendFeesNotice(Correspondence correspondence, CaseClock caseClock, FeesRegulationsScotland scottishFees) {
    this.correspondence = correspondence;
    this.caseClock = caseClock;
    this.scottishFees = scottishFees;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // FOISA and EISR cases over £100: the fee is the Scottish Fees Regulations', not a figure typed in
    scottishFees.charge(execution);
    correspondence.draftAndSend(execution, LetterType.FEES_NOTICE);
    caseClock.pause(execution, "awaiting the fee (s.9)");
    CaseFile.of(execution).put(FEES_NOTICE_GIVEN_ON, caseClock.today().toString());
    CaseFile.of(execution).put(FEE_LAPSES_AT, caseClock.endOf(caseClock.today().plusMonths(3)));
  }
}
