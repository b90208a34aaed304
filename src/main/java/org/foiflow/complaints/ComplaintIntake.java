package org.foiflow.complaints;

import static org.foiflow.complaints.ComplaintVariable.APPEAL_BODY;
import static org.foiflow.complaints.ComplaintVariable.CASE_PROCESS_INSTANCE_ID;
import static org.foiflow.complaints.ComplaintVariable.COMMISSIONER;
import static org.foiflow.complaints.ComplaintVariable.LATE_APPLICATION;
import static org.foiflow.complaints.ComplaintVariable.REVIEW_RESPONDED_ON;
import static org.foiflow.complaints.ComplaintVariable.CASE_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.ICO_REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.NOTIFIED_ON;
import static org.foiflow.complaints.ComplaintVariable.REFERENCE;
import static org.foiflow.complaints.ComplaintVariable.RESPOND_BY;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.OriginalCase;
import org.foiflow.casefile.OriginalCases;
import org.foiflow.casefile.Regime;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Record complaint to the Commissioner": the Commissioner has notified a complaint under s.50 (EIR: reg 18) about a
 * case, or for a Scottish case an application to the Scottish Information Commissioner (FOISA s.47; EISR reg 17).
 * The complaint is filed against the case (its reference is the business key) with the date by which the
 * Commissioner wants our response, and names the Commissioner and the appeal body for the case's law. A Scottish
 * application notified more than six months after our last review response (s.47(4)(b)) is recorded all the same
 * and flagged late ({@code lateApplication}): whether it is valid is for the Commissioner to decide, not us. The
 * requester's details stay on the case: the complaint needs none.
 */
@Component("icoComplaintIntake")
public class ComplaintIntake implements JavaDelegate {

  private final OriginalCases originalCases;
  private final CaseClock caseClock;
  private final ComplaintRecords records;

  public ComplaintIntake(OriginalCases originalCases, CaseClock caseClock, ComplaintRecords records) {
    this.originalCases = originalCases;
    this.caseClock = caseClock;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution complaint) {
    CaseFile file = CaseFile.of(complaint);
    String reference = file.text(CASE_REFERENCE) == null ? null : file.text(CASE_REFERENCE).strip();
    OriginalCase original = originalCases.find(reference).orElseThrow(() ->
        new InvalidRequestException(Map.of(CASE_REFERENCE.key(), "no FOI request has the reference " + reference)));
    LocalDate today = caseClock.today();
    LocalDate notifiedOn = file.date(NOTIFIED_ON) != null ? file.date(NOTIFIED_ON) : today;
    LocalDate respondBy = file.date(RESPOND_BY);
    Map<String, String> problems = new LinkedHashMap<>();
    if (GivenDates.happenedProblem(notifiedOn, today) != null) {
      problems.put(NOTIFIED_ON.key(), GivenDates.happenedProblem(notifiedOn, today));
    }
    if (respondBy == null) {
      problems.put(RESPOND_BY.key(), "the date the Commissioner set for our response is required");
    } else if (GivenDates.dueProblem(respondBy) != null) {
      problems.put(RESPOND_BY.key(), GivenDates.dueProblem(respondBy));
    } else if (respondBy.isBefore(notifiedOn)) {
      problems.put(RESPOND_BY.key(), "is before the date the complaint was notified");
    }
    if (file.text(ICO_REFERENCE) == null || file.text(ICO_REFERENCE).isBlank()) {
      problems.put(ICO_REFERENCE.key(), "the Commissioner's case reference is required");
    } else if (file.text(ICO_REFERENCE).length() > 40) {
      problems.put(ICO_REFERENCE.key(), "at most 40 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    file.put(REFERENCE, reference);
    complaint.setProcessBusinessKey(reference);
    file.put(CASE_PROCESS_INSTANCE_ID, original.processInstanceId());
    original.copyTo(file, ComplaintVariable.COPIED_FROM_CASE);
    file.put(NOTIFIED_ON, notifiedOn.toString());
    file.put(RESPOND_BY, respondBy.toString());
    Regime regime = Regime.of(original.regime());
    Commissioner commissioner = Commissioner.of(regime);
    file.put(COMMISSIONER, commissioner.title());
    file.put(APPEAL_BODY, commissioner.appealBody());
    if (regime.scottish()) {
      LocalDate reviewRespondedOn = records.lastReviewResponseOn(reference).orElse(null);
      file.put(REVIEW_RESPONDED_ON, reviewRespondedOn == null ? null : reviewRespondedOn.toString());
      file.put(LATE_APPLICATION, reviewRespondedOn != null && notifiedOn.isAfter(Commissioner.applyBy(reviewRespondedOn)));
    }
    caseClock.dateTasks(complaint, respondBy);
    records.notified(complaint.getProcessInstanceId(), reference, file.text(ICO_REFERENCE).strip(), notifiedOn, respondBy);
  }
}
