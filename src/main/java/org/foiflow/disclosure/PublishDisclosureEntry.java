package org.foiflow.disclosure;

import static org.foiflow.disclosure.EntryVariable.PUBLISHED_ON;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_REQUEST;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_RESPONSE;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_SUBJECT;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_EXEMPTIONS;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_OUTCOME;
import static org.foiflow.disclosure.EntryVariable.RECEIVED_ON;
import static org.foiflow.disclosure.EntryVariable.REGIME;
import static org.foiflow.disclosure.EntryVariable.RESPONDED_ON;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/** "Publish to the disclosure log": the approved texts, as the officer left them, go on the public log. */
@Component("publishDisclosureEntry")
public class PublishDisclosureEntry implements JavaDelegate {

  private final DisclosureLog log;
  private final CaseClock caseClock;

  public PublishDisclosureEntry(DisclosureLog log, CaseClock caseClock) {
    this.log = log;
    this.caseClock = caseClock;
  }

  @Override
  public void execute(DelegateExecution entry) {
    CaseFile file = CaseFile.of(entry);
    List<String> exemptions = file.codes(PUBLISH_EXEMPTIONS);
    log.publish(new DisclosureLog.Entry(file.reference(), file.text(REGIME), file.text(PUBLISH_OUTCOME),
        file.date(RECEIVED_ON), file.date(RESPONDED_ON), caseClock.today(), file.text(PUBLISHED_SUBJECT),
        file.text(PUBLISHED_REQUEST).strip(), file.text(PUBLISHED_RESPONSE).strip(), exemptions));
    file.put(PUBLISHED_ON, caseClock.today().toString());
  }
}
