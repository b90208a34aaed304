package org.foiflow.complaints;

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
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Record the complaint": the Commissioner has notified a complaint under s.50 (EIR: reg 18) about a case.
 * The complaint is filed against the case (its reference is the business key) with the date by which the
 * Commissioner wants our response. The requester's details stay on the case: the complaint needs none.
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
    String reference = file.text("caseReference") == null ? null : file.text("caseReference").strip();
    OriginalCase original = originalCases.find(reference).orElseThrow(() ->
        new InvalidRequestException(Map.of("caseReference", "no FOI request has the reference " + reference)));
    LocalDate today = caseClock.today();
    LocalDate notifiedOn = file.date("notifiedOn") != null ? file.date("notifiedOn") : today;
    LocalDate respondBy = file.date("respondBy");
    Map<String, String> problems = new LinkedHashMap<>();
    if (notifiedOn.isAfter(today)) {
      problems.put("notifiedOn", "the date notified cannot be in the future");
    } else if (GivenDates.happenedProblem(notifiedOn, today) != null) {
      problems.put("notifiedOn", "the date notified " + GivenDates.happenedProblem(notifiedOn, today));
    }
    if (respondBy == null) {
      problems.put("respondBy", "the date the Commissioner set for our response is required");
    } else if (GivenDates.dueProblem(respondBy) != null) {
      problems.put("respondBy", GivenDates.dueProblem(respondBy));
    } else if (respondBy.isBefore(notifiedOn)) {
      problems.put("respondBy", "is before the date the complaint was notified");
    }
    if (file.text("icoReference") == null || file.text("icoReference").isBlank()) {
      problems.put("icoReference", "the Commissioner's case reference is required");
    } else if (file.text("icoReference").length() > 40) {
      problems.put("icoReference", "at most 40 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    complaint.setVariable("reference", reference);
    complaint.setProcessBusinessKey(reference);
    complaint.setVariable("caseProcessInstanceId", original.processInstanceId());
    for (String name : new String[] {"regime", "subject", "outcome", "respondedOn", "closedOn"}) {
      if (original.value(name) != null) {
        complaint.setVariable(name, original.value(name));
      }
    }
    complaint.setVariable("notifiedOn", notifiedOn.toString());
    complaint.setVariable("respondBy", respondBy.toString());
    caseClock.dateTasks(complaint, respondBy);
    records.notified(complaint.getProcessInstanceId(), reference, file.text("icoReference").strip(), notifiedOn, respondBy);
  }
}
