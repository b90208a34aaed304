package org.foiflow.incoming;

import static org.foiflow.mailbox.CorrespondenceVariable.CORRESPONDENCE_ID;

import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Mark not a request": the message is kept for foiflow.mailbox.keep-not-requests (90 days by default), in case the
 * sorting was wrong, then {@link CorrespondenceRetention} deletes it.
 */
@Component("markNotARequest")
public class MarkNotARequest implements JavaDelegate {

  private final CorrespondenceRecords records;
  private final CaseClock caseClock;
  private final Period keep;

  public MarkNotARequest(CorrespondenceRecords records, CaseClock caseClock,
                         @Value("${foiflow.mailbox.keep-not-requests:P90D}") Period keep) {
    this.records = records;
    this.caseClock = caseClock;
    this.keep = keep;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.notARequest(CaseFile.of(execution).text(CORRESPONDENCE_ID), caseClock.today().plus(keep));
  }
}
