package org.foiflow.disclosure;

import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_ADDRESS;
import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.disclosure.EntryVariable.CASE_REFERENCE;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_REQUEST;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_RESPONSE;
import static org.foiflow.disclosure.EntryVariable.PUBLISHED_SUBJECT;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_EXEMPTIONS;
import static org.foiflow.disclosure.EntryVariable.PUBLISH_OUTCOME;
import static org.foiflow.disclosure.EntryVariable.REFERENCE;
import static org.foiflow.disclosure.EntryVariable.REGIME;
import static org.foiflow.disclosure.EntryVariable.RELEASED_INFORMATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.OriginalCase;
import org.foiflow.casefile.OriginalCases;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.drafting.CaseLetter;
import org.springframework.stereotype.Component;

/**
 * "Prepare the entry without personal data": from the closed case, the request and a summary of the response
 * (what was released, what was withheld and under which exemptions), with the requester's name, email and
 * address and any email address removed. The requester's details are not copied into this process at all.
 */
@Component("prepareDisclosureEntry")
public class PrepareDisclosureEntry implements JavaDelegate {

  /** Publication has no statutory deadline; the task is due after this many working days. */
  static final int PUBLISH_WITHIN_WORKING_DAYS = 20;

  private final OriginalCases originalCases;
  private final CaseClock caseClock;
  private final UkWorkingDays workingDays;

  public PrepareDisclosureEntry(OriginalCases originalCases, CaseClock caseClock, UkWorkingDays workingDays) {
    this.originalCases = originalCases;
    this.caseClock = caseClock;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution entry) {
    CaseFile file = CaseFile.of(entry);
    String reference = file.text(CASE_REFERENCE) == null ? null : file.text(CASE_REFERENCE).strip();
    OriginalCase original = originalCases.find(reference).orElseThrow(() ->
        new InvalidRequestException(Map.of(CASE_REFERENCE.key(), "no FOI request has the reference " + reference)));
    String outcome = file.text(PUBLISH_OUTCOME) != null ? file.text(PUBLISH_OUTCOME) : original.outcome();
    if (!original.closed()) {
      throw new InvalidRequestException(Map.of(CASE_REFERENCE.key(), reference + " is still open: publish once it is answered"));
    }
    if (!DisclosureLogEntry.RELEASED.contains(outcome)) {
      throw new InvalidRequestException(Map.of(CASE_REFERENCE.key(), reference + " released nothing (" + outcome
          + "): only information granted in full or in part is published"));
    }
    PersonalData requester = PersonalData.of(original.text(REQUESTER_NAME), original.text(REQUESTER_EMAIL),
        original.text(REQUESTER_ADDRESS));
    CaseLetter letter = CaseLetter.from(original.variables());
    String released = file.text(RELEASED_INFORMATION);

    entry.setProcessBusinessKey(reference);
    file.put(REFERENCE, reference);
    file.put(REGIME, original.regime());
    file.put(PUBLISH_OUTCOME, outcome);
    file.put(EntryVariable.RECEIVED_ON, original.text(CaseVariable.RECEIVED_ON));
    file.put(EntryVariable.RESPONDED_ON, released != null ? caseClock.today().toString() : original.text(CaseVariable.RESPONDED_ON));
    // a mutable list: the engine stores it as JSON with its class name and reads it back as that class
    List<String> exemptions = new ArrayList<>("GRANTED_IN_PART".equals(outcome)
        ? CaseFile.codes(original.value(EXEMPTIONS)) : List.of());
    file.put(PUBLISH_EXEMPTIONS, exemptions);
    file.put(PUBLISHED_SUBJECT, requester.redact(letter.subject()));
    file.putLongText(PUBLISHED_REQUEST, requester.redact(letter.requestToAnswer()));
    file.putLongText(PUBLISHED_RESPONSE, requester.redact(response(letter, outcome, released, exemptions)));

    LocalDate due = workingDays.addWorkingDays(caseClock.today(), PUBLISH_WITHIN_WORKING_DAYS);
    caseClock.dateTasks(entry, due);
  }

  /** The response in a few plain paragraphs: the outcome, what was released, what was withheld and why. */
  static String response(CaseLetter letter, String outcome, String released, List<String> exemptions) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("GRANTED_IN_FULL".equals(outcome) ? "The information requested was provided in full."
        : "The information requested was provided in part; the rest was withheld.");
    String summary = released != null ? released : letter.informationSummary();
    if (summary != null && !summary.isBlank()) {
      paragraphs.add("Information provided: " + summary.strip());
    }
    if ("GRANTED_IN_PART".equals(outcome)) {
      if (letter.withheldDescription() != null && released == null) {
        paragraphs.add("Information withheld: " + letter.withheldDescription().strip());
      }
      List<String> applied = new ArrayList<>();
      for (CaseLetter.Exemption exemption : letter.engagedExemptions()) {
        if (exemptions.contains(exemption.code())) {
          applied.add(exemption.section() + (exemption.title() != null ? " – " + exemption.title() : ""));
        }
      }
      if (!applied.isEmpty()) {
        paragraphs.add((letter.eir() ? "Exceptions applied: " : "Exemptions applied: ") + String.join("; ", applied) + ".");
      }
    }
    return String.join("\n\n", paragraphs);
  }
}
