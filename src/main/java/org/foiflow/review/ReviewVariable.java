package org.foiflow.review;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.FLAG;
import static org.foiflow.casefile.ProcessVariable.Type.LIST;
import static org.foiflow.casefile.ProcessVariable.Type.LONG_TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.NUMBER;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

import java.util.List;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ProcessVariable;

/**
 * The variables of bpmn/internal-review.bpmn, as documented in docs/process-variables.md, read and written through
 * {@link CaseFile}. The review also carries the case's facts {@link #COPIED_FROM_CASE} (case variables of the
 * same name), which its letters and forms show.
 */
public enum ReviewVariable implements ProcessVariable {

  CASE_REFERENCE("caseReference", TEXT), REVIEW_RECEIVED_ON("reviewReceivedOn", DATE),
  REVIEW_GROUNDS("reviewGrounds", LONG_TEXT),
  CASE_PROCESS_INSTANCE_ID("caseProcessInstanceId", TEXT), ORIGINAL_PARTICIPANTS("originalParticipants", LIST),
  ORIGINAL_RESPONSE_TEXT("originalResponseText", LONG_TEXT),
  WORKING_DAYS_SINCE_RESPONSE("workingDaysSinceResponse", NUMBER),
  LATE_REQUEST("lateRequest", FLAG),
  RECONSIDERATION("reconsideration", FLAG),
  REVIEW_DUE_ON("reviewDueOn", DATE), REVIEW_LIMIT_ON("reviewLimitOn", DATE),
  REVIEW_EXTENDED("reviewExtended", FLAG), REVIEW_EXTENDED_ON("reviewExtendedOn", DATE),
  REVIEWER("reviewer", TEXT),
  REVIEW_OUTCOME("reviewOutcome", TEXT), REVISED_OUTCOME("revisedOutcome", TEXT),
  REVIEW_LETTER_ID("reviewLetterId", TEXT), REVIEW_LETTER_CHANNEL("reviewLetterChannel", TEXT),
  REVIEW_COMPLETED_ON("reviewCompletedOn", DATE),
  REFERENCE("reference", TEXT),
  LATE_DECISION("lateDecision", TEXT), LATE_DECISION_REASON("lateDecisionReason", TEXT),
  REVIEW_DECISION("reviewDecision", TEXT), REVIEW_FINDINGS("reviewFindings", TEXT),
  REVIEW_EXTENSION_REASON("reviewExtensionReason", TEXT),
  RELEASED_INFORMATION("releasedInformation", TEXT), STILL_WITHHELD("stillWithheld", TEXT),
  REVIEW_LETTER_TEXT("reviewLetterText", LONG_TEXT), REVIEW_LETTER_DRAFTED("reviewLetterDrafted", LONG_TEXT),
  LETTERS("letters", LIST),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP);

  /** The case's variables {@code reviewIntake} copies into the review, for its letters and forms. */
  public static final List<CaseVariable> COPIED_FROM_CASE = List.of(CaseVariable.REQUESTER_NAME,
      CaseVariable.REQUESTER_EMAIL, CaseVariable.REQUESTER_ADDRESS, CaseVariable.RECEIVED_ON, CaseVariable.DUE_ON,
      CaseVariable.REGIME, CaseVariable.LANGUAGE, CaseVariable.SUBJECT, CaseVariable.REQUEST_TEXT,
      CaseVariable.CLARIFIED_REQUEST,
      CaseVariable.CLARIFICATION_RECEIVED_ON, CaseVariable.DISCLOSURE_SCOPE, CaseVariable.EXEMPTIONS,
      CaseVariable.ENGAGED_EXEMPTIONS, CaseVariable.WITHHELD_DESCRIPTION, CaseVariable.INFORMATION_SUMMARY,
      CaseVariable.HARM_TESTS, CaseVariable.PUBLIC_INTEREST_TESTS, CaseVariable.QUALIFIED_PERSON,
      CaseVariable.QP_OPINION_DATE, CaseVariable.QP_OPINION_SUMMARY, CaseVariable.QP_OPINION_REASONABLE,
      CaseVariable.OUTCOME, CaseVariable.RESPONDED_ON, CaseVariable.CLOSED_ON, CaseVariable.ESTIMATED_HOURS,
      CaseVariable.HOURLY_RATE_POUNDS, CaseVariable.COST_LIMIT_POUNDS, CaseVariable.VEXATIOUS_REASON,
      CaseVariable.ORIGINAL_DUE_ON, CaseVariable.EXTENDED_DUE_ON, CaseVariable.EXTENSION_KIND,
      // the review's letters reply to the request email too, so they thread with it (LetterOutbox)
      CaseVariable.REQUEST_MESSAGE_ID);

  private final Definition definition;

  ReviewVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
