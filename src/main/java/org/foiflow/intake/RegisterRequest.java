package org.foiflow.intake;

import static org.foiflow.casefile.CaseVariable.CHANNEL;
import static org.foiflow.casefile.CaseVariable.COST_LIMIT_POUNDS;
import static org.foiflow.casefile.CaseVariable.HOURLY_RATE_POUNDS;
import static org.foiflow.casefile.CaseVariable.LANGUAGE;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REFERENCE;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.CostLimit;
import org.foiflow.casefile.Jurisdiction;
import org.foiflow.casefile.Language;
import org.foiflow.clock.CaseClock;
import org.foiflow.requesters.RequesterIndexing;
import org.foiflow.roundrobin.RoundRobins;
import org.foiflow.search.SearchIndexing;
import org.foiflow.similarity.SimilarRequests;
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
  private final SearchIndexing searchIndexing;
  private final RequesterIndexing requesterIndexing;
  private final SimilarRequests similarRequests;
  private final RoundRobins roundRobins;
  private final int hourlyRatePounds;
  private final int costLimitPounds;
  private final Jurisdiction jurisdiction;

  public RegisterRequest(ReferenceNumbers referenceNumbers, CaseClock caseClock, CaseIndex caseIndex,
                         SearchIndexing searchIndexing, RequesterIndexing requesterIndexing,
                         SimilarRequests similarRequests, RoundRobins roundRobins, CostLimit costLimit,
                         Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
    this.referenceNumbers = referenceNumbers;
    this.caseClock = caseClock;
    this.caseIndex = caseIndex;
    this.searchIndexing = searchIndexing;
    this.requesterIndexing = requesterIndexing;
    this.similarRequests = similarRequests;
    this.roundRobins = roundRobins;
    this.hourlyRatePounds = costLimit.hourlyRatePounds();
    this.costLimitPounds = costLimit.limitPounds();
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    LocalDate today = caseClock.today();
    LocalDate receivedOn = file.date(RECEIVED_ON) != null ? file.date(RECEIVED_ON) : today;
    RequestRules.check(file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL),
        file.text(REQUESTER_ADDRESS), file.text(REQUEST_TEXT), receivedOn, today);
    // every door (Tasklist's start form, the engine's API) meets the jurisdiction's law here
    RequestRules.checkLaw(jurisdiction, file.text(REGIME), file.text(LANGUAGE));

    String reference = referenceNumbers.next(receivedOn.getYear());
    file.put(REFERENCE, reference);
    execution.setProcessBusinessKey(reference);
    file.put(RECEIVED_ON, receivedOn.toString());
    file.put(REGIME, jurisdiction.regimeOr(file.text(REGIME)).name());
    file.put(LANGUAGE, Language.of(file.text(LANGUAGE)).code());
    file.put(HOURLY_RATE_POUNDS, hourlyRatePounds);
    file.put(COST_LIMIT_POUNDS, costLimitPounds);
    LocalDate due = caseClock.start(execution, receivedOn);
    caseIndex.registered(reference, execution.getProcessInstanceId(), file.text(REGIME), file.text(CHANNEL), receivedOn, due, IntakeFingerprint.of(
            file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL), file.text(REQUESTER_ADDRESS),
            file.text(REQUEST_TEXT), receivedOn));
    searchIndexing.registered(reference, file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL), file.text(SUBJECT),
        file.text(REQUEST_TEXT));
    requesterIndexing.registered(reference, file.text(REQUESTER_NAME), file.text(REQUESTER_EMAIL));
    similarRequests.registered(reference, file.text(REQUEST_TEXT));
    roundRobins.registered(reference, receivedOn);
  }
}
