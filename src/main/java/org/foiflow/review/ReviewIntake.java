package org.foiflow.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.GivenDates;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.OriginalCase;
import org.foiflow.casefile.OriginalCases;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.stereotype.Component;

/**
 * "Open the review file": finds the closed case the requester wants reviewed, copies what the reviewer and
 * the letters need from its history (the request, the requester's contact details, the decision and its
 * reasons, the response sent), notes who took part in the original decision, flags a request made more than
 * 40 working days after the response, and starts the review clock.
 */
@Component("reviewIntake")
public class ReviewIntake implements JavaDelegate {

  /** The original case's values the review carries, under the same names so the letters read them as usual. */
  static final List<String> COPIED = List.of("requesterName", "requesterEmail", "requesterAddress", "receivedOn",
      "dueOn", "regime", "subject", "requestText", "clarifiedRequest", "clarificationReceivedOn", "disclosureScope",
      "exemptions", "engagedExemptions", "withheldDescription", "informationSummary", "harmTests",
      "publicInterestTests", "qualifiedPerson", "qpOpinionDate", "qpOpinionSummary", "qpOpinionReasonable",
      "outcome", "respondedOn", "closedOn", "estimatedHours", "hourlyRatePounds", "costLimitPounds",
      "vexatiousReason", "originalDueOn", "extendedDueOn", "extensionKind");

  private final OriginalCases originalCases;
  private final CaseClock caseClock;
  private final UkWorkingDays workingDays;
  private final ReviewClock reviewClock;
  private final ReviewRecords records;

  public ReviewIntake(OriginalCases originalCases, CaseClock caseClock, UkWorkingDays workingDays,
                      ReviewClock reviewClock, ReviewRecords records) {
    this.originalCases = originalCases;
    this.caseClock = caseClock;
    this.workingDays = workingDays;
    this.reviewClock = reviewClock;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String reference = file.text("caseReference") == null ? null : file.text("caseReference").strip();
    OriginalCase original = originalCases.find(reference).orElseThrow(() ->
        new InvalidRequestException(Map.of("caseReference", "no FOI request has the reference " + reference)));
    LocalDate today = caseClock.today();
    LocalDate receivedOn = file.date("reviewReceivedOn") != null ? file.date("reviewReceivedOn") : today;
    LocalDate answeredOn = original.answeredOn();
    Map<String, String> problems = new LinkedHashMap<>();
    if (!original.closed()) {
      problems.put("caseReference", reference + " is still open: a review looks at the response once it has been sent");
    }
    if (receivedOn.isAfter(today)) {
      problems.put("reviewReceivedOn", "the date received cannot be in the future");
    } else if (GivenDates.happenedProblem(receivedOn, today) != null) {
      problems.put("reviewReceivedOn", "the date received " + GivenDates.happenedProblem(receivedOn, today));
    } else if (answeredOn != null && receivedOn.isBefore(answeredOn)) {
      problems.put("reviewReceivedOn", "is before the response of " + answeredOn);
    }
    String grounds = file.text("reviewGrounds");
    if (grounds == null || grounds.isBlank()) {
      problems.put("reviewGrounds", "the requester's grounds for the review are required");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }

    for (String name : COPIED) {
      if (original.value(name) != null) {
        execution.setVariable(name, original.value(name));
      }
    }
    if (original.text("draftLetterText") != null) {
      file.putLongText("originalResponseText", original.text("draftLetterText"));
    }
    execution.setVariable("reference", reference);
    execution.setProcessBusinessKey(reference);
    execution.setVariable("caseProcessInstanceId", original.processInstanceId());
    execution.setVariable("originalParticipants", new ArrayList<>(original.participants()));
    file.putLongText("reviewGrounds", grounds.strip());
    execution.setVariable("reviewReceivedOn", receivedOn.toString());

    int sinceResponse = answeredOn == null ? 0 : workingDays.workingDaysBetween(answeredOn, receivedOn);
    boolean late = sinceResponse > InternalReview.ASK_WITHIN_WORKING_DAYS;
    execution.setVariable("workingDaysSinceResponse", sinceResponse);
    execution.setVariable("lateRequest", late);
    // EIR reg 11: reconsideration is the requester's right, not a matter of good practice
    execution.setVariable("reconsideration", "EIR".equals(original.regime()));
    LocalDate due = reviewClock.start(execution, receivedOn);
    records.received(execution.getProcessInstanceId(), reference, original.regime(), receivedOn, late, due);
  }
}
