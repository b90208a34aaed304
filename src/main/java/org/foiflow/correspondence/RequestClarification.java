package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_LAPSES_AT;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_REQUESTED_ON;

import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.LetterType;
import org.springframework.stereotype.Component;

/**
 * "Ask requester to clarify": sends the s.1(3) letter with advice and assistance (s.16), puts the clock
 * on hold, and sets the day the request lapses if no answer comes (foiflow.clarification.lapse-after).
 */
@Component("requestClarification")
public class RequestClarification implements JavaDelegate {

  private final Correspondence correspondence;
  private final CaseClock caseClock;
  private final Period lapseAfter;

  public RequestClarification(Correspondence correspondence, CaseClock caseClock,
                              ClarificationSettings settings) {
    this.correspondence = correspondence;
    this.caseClock = caseClock;
    this.lapseAfter = settings.lapseAfter();
  }

  @Override
  public void execute(DelegateExecution execution) {
    correspondence.draftAndSend(execution, LetterType.CLARIFICATION_REQUEST);
    caseClock.pause(execution, "awaiting clarification (s.1(3))");
    CaseFile.of(execution).put(CLARIFICATION_REQUESTED_ON, caseClock.today().toString());
    Date lapsesAt = caseClock.endOf(caseClock.today().plus(lapseAfter));
    CaseFile.of(execution).put(CLARIFICATION_LAPSES_AT, lapsesAt);
  }

}
