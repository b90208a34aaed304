package org.foiflow.complaints;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.FLAG;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

import java.util.List;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ProcessVariable;

/**
 * The variables of bpmn/ico-complaint.bpmn, as documented in docs/process-variables.md, read and written through
 * {@link CaseFile}. The complaint also carries the case's facts {@link #COPIED_FROM_CASE}.
 */
public enum ComplaintVariable implements ProcessVariable {

  CASE_REFERENCE("caseReference", TEXT), ICO_REFERENCE("icoReference", TEXT), NOTIFIED_ON("notifiedOn", DATE),
  RESPOND_BY("respondBy", DATE), COMPLAINT_SUMMARY("complaintSummary", TEXT),
  SUBMISSION_SENT_ON("submissionSentOn", DATE), SUBMISSION_SUMMARY("submissionSummary", TEXT),
  DECISION_OUTCOME("decisionOutcome", TEXT), DECISION_NOTICE_REFERENCE("decisionNoticeReference", TEXT),
  DECISION_NOTICE_ON("decisionNoticeOn", DATE),
  STEPS_ORDERED("stepsOrdered", FLAG), STEPS_DESCRIPTION("stepsDescription", TEXT), STEPS_DUE_ON("stepsDueOn", DATE),
  APPEAL("appeal", TEXT), TRIBUNAL_OUTCOME("tribunalOutcome", TEXT), TRIBUNAL_DECISION_ON("tribunalDecisionOn", DATE),
  STEPS_COMPLETED_ON("stepsCompletedOn", DATE), STEPS_TAKEN("stepsTaken", TEXT),
  COMMISSIONER("commissioner", TEXT), APPEAL_BODY("appealBody", TEXT),
  REVIEW_RESPONDED_ON("reviewRespondedOn", DATE), LATE_APPLICATION("lateApplication", FLAG),
  REFERENCE("reference", TEXT), CASE_PROCESS_INSTANCE_ID("caseProcessInstanceId", TEXT),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP);

  /** The case's variables {@code icoComplaintIntake} copies into the complaint. */
  public static final List<CaseVariable> COPIED_FROM_CASE = List.of(CaseVariable.REGIME, CaseVariable.SUBJECT,
      CaseVariable.OUTCOME, CaseVariable.RESPONDED_ON, CaseVariable.CLOSED_ON);

  private final Definition definition;

  ComplaintVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
