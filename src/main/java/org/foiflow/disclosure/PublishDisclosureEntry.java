package org.foiflow.disclosure;

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
    List<String> exemptions = file.codes("publishExemptions");
    log.publish(new DisclosureLog.Entry(file.reference(), file.text("regime"), file.text("publishOutcome"),
        file.date("receivedOn"), file.date("respondedOn"), caseClock.today(), file.text("publishedSubject"),
        file.text("publishedRequest").strip(), file.text("publishedResponse").strip(), exemptions));
    entry.setVariable("publishedOn", caseClock.today().toString());
  }
}
