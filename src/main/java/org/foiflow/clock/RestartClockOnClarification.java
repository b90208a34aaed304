package org.foiflow.clock;

import static org.foiflow.casefile.CaseVariable.CLARIFICATION_NEEDED;
import static org.foiflow.casefile.CaseVariable.CLARIFICATION_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.CLARIFIED_REQUEST;
import static org.foiflow.casefile.CaseVariable.ORIGINAL_REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.VALID_REQUEST;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.search.SearchIndexing;
import org.foiflow.similarity.SimilarRequests;
import org.springframework.stereotype.Component;

/**
 * "Restart the statutory clock": s.1(3) with s.10(1): a request that needed clarifying is treated as
 * received on the day the clarification arrives, so a fresh 20 working days runs from then.
 */
@Component("restartClock")
public class RestartClockOnClarification implements JavaDelegate {

  private final CaseClock caseClock;
  private final SearchIndexing searchIndexing;
  private final SimilarRequests similarRequests;

  public RestartClockOnClarification(CaseClock caseClock, SearchIndexing searchIndexing,
                                     SimilarRequests similarRequests) {
    this.caseClock = caseClock;
    this.searchIndexing = searchIndexing;
    this.similarRequests = similarRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String clarified = file.text(CLARIFIED_REQUEST);
    if (clarified != null && !clarified.isBlank()) {
      file.put(ORIGINAL_REQUEST_TEXT, file.text(REQUEST_TEXT));
      file.put(REQUEST_TEXT, clarified);
      searchIndexing.clarified(execution.getProcessInstanceId(), clarified);
      similarRequests.clarified(execution.getProcessInstanceId(), clarified);
    }
    LocalDate receivedOn = file.dayThatHappened(CLARIFICATION_RECEIVED_ON, caseClock.today());
    caseClock.start(execution, receivedOn != null ? receivedOn : caseClock.today());
    // The clarified request is triaged afresh, not on the answers that asked for clarification.
    file.put(CLARIFICATION_NEEDED, false);
    file.put(VALID_REQUEST, true);
  }
}
