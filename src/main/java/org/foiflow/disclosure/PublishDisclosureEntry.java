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
import org.foiflow.casefile.OriginalCases;
import org.foiflow.release.ReleaseBundle;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Publish to the disclosure log": the approved texts, as the officer left them, go on the public log, with the
 * copies of the documents released to the requester.
 */
@Component("publishDisclosureEntry")
public class PublishDisclosureEntry implements JavaDelegate {

  private final DisclosureLog log;
  private final CaseClock caseClock;
  private final OriginalCases originalCases;
  private final ReleaseBundle releaseBundle;

  public PublishDisclosureEntry(DisclosureLog log, CaseClock caseClock, OriginalCases originalCases,
                                ReleaseBundle releaseBundle) {
    this.log = log;
    this.caseClock = caseClock;
    this.originalCases = originalCases;
    this.releaseBundle = releaseBundle;
  }

  @Override
  public void execute(DelegateExecution entry) {
    CaseFile file = CaseFile.of(entry);
    List<String> exemptions = file.codes(PUBLISH_EXEMPTIONS);
    log.publish(new DisclosureLog.Entry(file.reference(), file.text(REGIME), file.text(PUBLISH_OUTCOME),
        file.date(RECEIVED_ON), file.date(RESPONDED_ON), caseClock.today(), file.text(PUBLISHED_SUBJECT),
        file.text(PUBLISHED_REQUEST).strip(), file.text(PUBLISHED_RESPONSE).strip(), exemptions));
    // the copies released to the requester, as released (burned in): never an original, never a withheld document
    originalCases.find(file.reference()).ifPresent(original -> log.publishDocuments(file.reference(),
        original.processInstanceId(), releaseBundle.copies(original.processInstanceId()).stream()
            .map(copy -> new DisclosureLog.Document(copy.documentId(), copy.fileName(),
                DisclosureLog.documentPath(file.reference(), copy.documentId()))).toList()));
    file.put(PUBLISHED_ON, caseClock.today().toString());
  }
}
