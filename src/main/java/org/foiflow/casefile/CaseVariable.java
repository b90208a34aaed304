package org.foiflow.casefile;

import static org.foiflow.casefile.ProcessVariable.Type.DATE;
import static org.foiflow.casefile.ProcessVariable.Type.FLAG;
import static org.foiflow.casefile.ProcessVariable.Type.LIST;
import static org.foiflow.casefile.ProcessVariable.Type.LONG_TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.MAP;
import static org.foiflow.casefile.ProcessVariable.Type.NUMBER;
import static org.foiflow.casefile.ProcessVariable.Type.TEXT;
import static org.foiflow.casefile.ProcessVariable.Type.TIMESTAMP;

/**
 * The variables of bpmn/foi-request.bpmn, one entry per row of docs/process-variables.md (which says who writes
 * each and what it means): the only names Java uses to read and write a case, through {@link CaseFile}.
 * {@code ProcessVariablesContractTest} checks this list against the document, the model, its forms and its
 * decision tables, so a variable renamed here is a compile error wherever it is used and a test failure until
 * the document and the models follow.
 */
public enum CaseVariable implements ProcessVariable {

  REFERENCE("reference", TEXT),
  REQUESTER_NAME("requesterName", TEXT),
  REQUESTER_EMAIL("requesterEmail", TEXT),
  REQUESTER_ADDRESS("requesterAddress", TEXT),
  RECEIVED_ON("receivedOn", DATE),
  CHANNEL("channel", TEXT),
  REGIME("regime", TEXT),
  LANGUAGE("language", TEXT),
  SUBJECT("subject", TEXT),
  REQUEST_TEXT("requestText", TEXT),
  ORIGINAL_REQUEST_TEXT("originalRequestText", TEXT),
  DUE_ON("dueOn", DATE),
  TASK_DUE_DATE("taskDueDate", TIMESTAMP), TASK_FOLLOW_UP_DATE("taskFollowUpDate", TIMESTAMP),
  VALID_REQUEST("validRequest", FLAG),
  SUBJECT_ACCESS_REQUEST("subjectAccessRequest", FLAG),
  CLARIFICATION_NEEDED("clarificationNeeded", FLAG),
  CLARIFICATION_QUESTION("clarificationQuestion", TEXT),
  ESTIMATED_HOURS("estimatedHours", NUMBER),
  HOURLY_RATE_POUNDS("hourlyRatePounds", NUMBER), COST_LIMIT_POUNDS("costLimitPounds", NUMBER),
  VEXATIOUS("vexatious", FLAG),
  VEXATIOUS_REASON("vexatiousReason", TEXT),
  REPEATED_REQUEST("repeatedRequest", FLAG),
  INFORMATION_HELD("informationHeld", FLAG),
  FEES_PAYABLE("feesPayable", FLAG), FEE_POUNDS("feePounds", NUMBER), FEE_DETAILS("feeDetails", TEXT),
  TRIAGE_NOTES("triageNotes", TEXT),
  TRIAGE_ROUTE("triageRoute", TEXT),
  // the request in context at triage (org.foiflow.aggregation): s.12 aggregation (reg 5) and s.14(2) repeats
  REQUEST_CONTEXT("requestContext", LONG_TEXT),
  AGGREGATION_CANDIDATES("aggregationCandidates", LIST), REPEAT_CANDIDATES("repeatCandidates", LIST),
  AGGREGATE_WITH("aggregateWith", LIST), REPEAT_OF("repeatOf", TEXT),
  AGGREGATED_HOURS("aggregatedHours", NUMBER), AGGREGATED_REQUESTS("aggregatedRequests", LIST),
  REPEAT_OF_RECEIVED_ON("repeatOfReceivedOn", DATE), REPEAT_OF_ANSWERED_ON("repeatOfAnsweredOn", DATE),
  FEES_NOTICE_GIVEN_ON("feesNoticeGivenOn", DATE), FEE_LAPSES_AT("feeLapsesAt", TIMESTAMP),
  FEE_RECEIVED_ON("feeReceivedOn", DATE), FEE_PAID_POUNDS("feePaidPounds", NUMBER),
  REQUESTER_ANSWER("requesterAnswer", TEXT),
  WITHDRAWN_ON("withdrawnOn", DATE), WITHDRAWAL_NOTE("withdrawalNote", TEXT),
  CLOCK("clock", TEXT), CLOCK_PAUSED_REASON("clockPausedReason", TEXT),
  CLARIFICATION_REQUESTED_ON("clarificationRequestedOn", DATE),
  CLARIFICATION_LAPSES_AT("clarificationLapsesAt", TIMESTAMP),
  DEADLINE_STATUS("deadlineStatus", TEXT), AT_RISK_ESCALATED("atRiskEscalated", FLAG),
  BREACH_ESCALATED("breachEscalated", FLAG),
  MANAGER_ACTION("managerAction", TEXT), MANAGER_NOTES("managerNotes", TEXT),
  EXTENSION_KIND("extensionKind", TEXT), EXTENSION_REASON("extensionReason", TEXT),
  EXTENSION_EXEMPTION("extensionExemption", TEXT), EXTENDED_DUE_ON("extendedDueOn", DATE),
  EXTENSION_REQUESTED_ON("extensionRequestedOn", DATE),
  ORIGINAL_DUE_ON("originalDueOn", DATE), EXTENSION_EXCEEDS_GUIDANCE("extensionExceedsGuidance", FLAG),
  CLARIFICATION_RECEIVED_ON("clarificationReceivedOn", DATE), CLARIFIED_REQUEST("clarifiedRequest", TEXT),
  INFORMATION_LOCATION("informationLocation", TEXT), INFORMATION_SUMMARY("informationSummary", TEXT),
  RETRIEVAL_HOURS("retrievalHours", NUMBER),
  DISCLOSURE_SCOPE("disclosureScope", TEXT),
  EXEMPTIONS("exemptions", LIST),
  OFFERED_EXEMPTIONS("offeredExemptions", LIST),
  EXEMPTION_SUBSECTIONS("exemptionSubsections", LIST),
  WITHHELD_DESCRIPTION("withheldDescription", TEXT),
  ASSESSMENT_NOTES("assessmentNotes", TEXT),
  ENGAGED_EXEMPTIONS("engagedExemptions", LIST),
  PREJUDICE_EXEMPTIONS("prejudiceExemptions", LIST), QUALIFIED_EXEMPTIONS("qualifiedExemptions", LIST),
  SECTION36_CITED("section36Cited", FLAG),
  EXEMPTION("exemption", TEXT),
  HARM("harm", TEXT), CAUSAL_LINK("causalLink", TEXT), LIKELIHOOD("likelihood", TEXT),
  HARM_CONCLUSION("harmConclusion", TEXT),
  HARM_TESTS("harmTests", MAP),
  HARM_NOT_SHOWN_COUNT("harmNotShownCount", NUMBER),
  QUALIFIED_PERSON("qualifiedPerson", TEXT), QP_OPINION_DATE("qpOpinionDate", DATE),
  QP_OPINION_SUMMARY("qpOpinionSummary", TEXT), QP_OPINION_REASONABLE("qpOpinionReasonable", FLAG),
  PUBLIC_INTEREST_TESTS("publicInterestTests", MAP),
  BALANCE_FAVOURS_DISCLOSURE_COUNT("balanceFavoursDisclosureCount", NUMBER),
  FACTORS_FOR("factorsFor", TEXT), FACTORS_AGAINST("factorsAgainst", TEXT), BALANCE("balance", TEXT),
  CONCLUSION("conclusion", TEXT),
  OUTCOME("outcome", TEXT),
  LETTER_TYPE("letterType", TEXT),
  LETTERS("letters", LIST),
  DRAFT_LETTER_ID("draftLetterId", TEXT), DRAFT_LETTER_TYPE("draftLetterType", TEXT),
  DRAFT_LETTER_TEXT("draftLetterText", LONG_TEXT),
  DECISION_SUMMARY("decisionSummary", LONG_TEXT),
  APPROVAL_DECISION("approvalDecision", TEXT),
  APPROVAL_COMMENTS("approvalComments", TEXT),
  RETURN_TO("returnTo", TEXT),
  ASSESSED_BY("assessedBy", LIST),
  RESPONDED_ON("respondedOn", DATE), CLOSED_ON("closedOn", DATE),
  RESPONSE_CHANNEL("responseChannel", TEXT),
  // a request that came by email, and the latest message filed to the case (org.foiflow.incoming)
  REQUEST_MESSAGE_ID("requestMessageId", TEXT),
  LATEST_CORRESPONDENCE_FROM("latestCorrespondenceFrom", TEXT),
  LATEST_CORRESPONDENCE_SUBJECT("latestCorrespondenceSubject", TEXT),
  LATEST_CORRESPONDENCE_RECEIVED_ON("latestCorrespondenceReceivedOn", DATE),
  LATEST_CORRESPONDENCE_TEXT("latestCorrespondenceText", TEXT),
  // contributions: the business units asked at "Locate" (org.foiflow.contributions); the subprocess's own are local
  CONTRIBUTION_UNITS("contributionUnits", LIST), BUSINESS_UNIT_OPTIONS("businessUnitOptions", LIST),
  CONTRIBUTION_SUMMARY("contributionSummary", TEXT),
  BUSINESS_UNIT("businessUnit", TEXT), BUSINESS_UNIT_NAME("businessUnitName", TEXT),
  CONTRIBUTION_ID("contributionId", TEXT), CONTRIBUTION_DUE_ON("contributionDueOn", DATE),
  CONTRIBUTION_DUE_DATE("contributionDueDate", TIMESTAMP),
  CONTRIBUTION_FOLLOW_UP_DATE("contributionFollowUpDate", TIMESTAMP),
  CONTRIBUTION_REMINDER_AT("contributionReminderAt", TIMESTAMP),
  CONTRIBUTION_OVERDUE_AT("contributionOverdueAt", TIMESTAMP),
  CONTRIBUTION_ANSWER("contributionAnswer", TEXT), WHAT_HELD("whatHeld", TEXT),
  RECOMMENDED_EXEMPTIONS("recommendedExemptions", LIST), HOURS_SPENT("hoursSpent", NUMBER),
  SUGGESTED_UNIT("suggestedUnit", TEXT),
  // third-party consultation at "Assess exemptions" (org.foiflow.consultation)
  CONSULT_THIRD_PARTY("consultThirdParty", FLAG), CONSULTEE_NAME("consulteeName", TEXT),
  CONSULTEE_EMAIL("consulteeEmail", TEXT), CONSULTEE_INTEREST("consulteeInterest", TEXT),
  CONSULTATION_DETAILS("consultationDetails", TEXT),
  CONSULTATION_REPLY_DUE_ON("consultationReplyDueOn", DATE),
  CONSULTATION_REPLY_DUE_AT("consultationReplyDueAt", TIMESTAMP),
  THIRD_PARTY_VIEW("thirdPartyView", TEXT), THIRD_PARTY_VIEW_SUMMARY("thirdPartyViewSummary", TEXT),
  THIRD_PARTY_VIEW_RECEIVED_ON("thirdPartyViewReceivedOn", DATE),
  CONSULTATIONS("consultations", LIST), CONSULTATION_SUMMARY("consultationSummary", TEXT),
  // clearance after approval (org.foiflow.clearance)
  MEDIA_INTEREST("mediaInterest", FLAG), MINISTERIAL_INTEREST("ministerialInterest", FLAG),
  HIGH_PROFILE_REQUESTER("highProfileRequester", FLAG), SENSITIVE_SUBJECT("sensitiveSubject", TEXT),
  CLEARANCE_BY("clearanceBy", LIST), CLEARANCE_DECISION("clearanceDecision", TEXT),
  CLEARANCE_COMMENTS("clearanceComments", TEXT), CLEARANCES("clearances", LIST),
  APPROVED_BY("approvedBy", TEXT);

  private final Definition definition;

  CaseVariable(String key, Type type) {
    definition = new Definition(key, type);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
