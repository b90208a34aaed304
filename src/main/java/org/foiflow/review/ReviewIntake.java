package org.foiflow.review;

import static org.foiflow.casefile.CaseVariable.DRAFT_LETTER_TEXT;
import static org.foiflow.review.ReviewVariable.CASE_PROCESS_INSTANCE_ID;
import static org.foiflow.review.ReviewVariable.CASE_REFERENCE;
import static org.foiflow.review.ReviewVariable.LATE_REQUEST;
import static org.foiflow.review.ReviewVariable.ORIGINAL_PARTICIPANTS;
import static org.foiflow.review.ReviewVariable.ORIGINAL_RESPONSE_TEXT;
import static org.foiflow.review.ReviewVariable.RECONSIDERATION;
import static org.foiflow.review.ReviewVariable.REFERENCE;
import static org.foiflow.review.ReviewVariable.REVIEW_GROUNDS;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;
import static org.foiflow.review.ReviewVariable.WORKING_DAYS_SINCE_RESPONSE;

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
import org.foiflow.casefile.Regime;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.springframework.stereotype.Component;

/**
 * "Open the review file": finds the closed case the requester wants reviewed, copies what the reviewer and
 * the letters need from its history (the request, the requester's contact details, the decision and its
 * reasons, the response sent), notes who took part in the original decision, flags a request made more than
 * 40 working days after the response (s.45 Code; EIR reg 11(2); FOISA s.20(5); EISR reg 16(2)), and starts the
 * review clock (a Scottish review's 20 working days cannot be extended).
 */
@Component("reviewIntake")
public class ReviewIntake implements JavaDelegate {

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
    String reference = file.text(CASE_REFERENCE) == null ? null : file.text(CASE_REFERENCE).strip();
    OriginalCase original = originalCases.find(reference).orElseThrow(() ->
        new InvalidRequestException(Map.of(CASE_REFERENCE.key(), "no FOI request has the reference " + reference)));
    LocalDate today = caseClock.today();
    LocalDate receivedOn = file.date(REVIEW_RECEIVED_ON) != null ? file.date(REVIEW_RECEIVED_ON) : today;
    LocalDate answeredOn = original.answeredOn();
    Map<String, String> problems = new LinkedHashMap<>();
    if (!original.closed()) {
      problems.put(CASE_REFERENCE.key(), reference + " is still open: a review looks at the response once it has been sent");
    }
    if (GivenDates.happenedProblem(receivedOn, today) != null) {
      problems.put(REVIEW_RECEIVED_ON.key(), GivenDates.happenedProblem(receivedOn, today));
    } else if (answeredOn != null && receivedOn.isBefore(answeredOn)) {
      problems.put(REVIEW_RECEIVED_ON.key(), "is before the response of " + answeredOn);
    }
    String grounds = file.text(REVIEW_GROUNDS);
    if (grounds == null || grounds.isBlank()) {
      problems.put(REVIEW_GROUNDS.key(), "the requester's grounds for the review are required");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }

    original.copyTo(file, ReviewVariable.COPIED_FROM_CASE);
    if (original.text(DRAFT_LETTER_TEXT) != null) {
      file.putLongText(ORIGINAL_RESPONSE_TEXT, original.text(DRAFT_LETTER_TEXT));
    }
    file.put(REFERENCE, reference);
    execution.setProcessBusinessKey(reference);
    file.put(CASE_PROCESS_INSTANCE_ID, original.processInstanceId());
    file.put(ORIGINAL_PARTICIPANTS, new ArrayList<>(original.participants()));
    file.putLongText(REVIEW_GROUNDS, grounds.strip());
    file.put(REVIEW_RECEIVED_ON, receivedOn.toString());

    int sinceResponse = answeredOn == null ? 0 : workingDays.workingDaysBetween(answeredOn, receivedOn);
    boolean late = sinceResponse > InternalReview.ASK_WITHIN_WORKING_DAYS;
    file.put(WORKING_DAYS_SINCE_RESPONSE, sinceResponse);
    file.put(LATE_REQUEST, late);
    Regime regime = Regime.of(original.regime());
    // EIR reg 11 (EISR reg 16): reconsideration is the requester's right, not a matter of good practice
    file.put(RECONSIDERATION, regime.environmental());
    LocalDate due = reviewClock.start(execution, receivedOn, !StatutoryReview.applies(regime));
    records.received(execution.getProcessInstanceId(), reference, original.regime(), receivedOn, late, due);
  }
}
