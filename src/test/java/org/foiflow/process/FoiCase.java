package org.foiflow.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.casefile.FoiRequest;

/**
 * One FOI case driven through the real engine the way officers and approvers work it in Tasklist:
 * each step claims the open task as a named user of the right group and completes it with form values.
 */
public final class FoiCase {

  public static final String OFFICER = "olivia";
  public static final String SECOND_OFFICER = "oscar";
  public static final String APPROVER = "amira";
  /** The demo press office (foi-press-office) and senior clearer (foi-senior-clearance). */
  public static final String PRESS_OFFICER = "priya";
  public static final String SENIOR_CLEARER = "seth";
  public static final String PRESS_OFFICE_CLEARANCE = "PressOfficeClearance";
  public static final String SENIOR_CLEARANCE = "SeniorClearance";

  private final ProcessEngine engine;
  private final ProcessInstance instance;

  private FoiCase(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  public static FoiCase logged(ProcessEngine engine, VariableMap request) {
    return new FoiCase(engine, engine.getRuntimeService().startProcessInstanceByKey(FoiRequest.PROCESS_KEY, request));
  }

  /** A case started some other way (the holding pen, the public form), worked from here on like any other. */
  public static FoiCase of(ProcessEngine engine, ProcessInstance instance) {
    return new FoiCase(engine, instance);
  }

  private static final java.util.concurrent.atomic.AtomicInteger REQUESTS = new java.util.concurrent.atomic.AtomicInteger();

  /** A request as it arrives; each one asks about a different year, so no two are the same submission. */
  public static VariableMap aRequest(String name, LocalDate receivedOn) {
    return Variables.createVariables()
        .putValue("requesterName", name)
        .putValue("requesterEmail", name.toLowerCase().replace(' ', '.') + "@example.org")
        .putValue("receivedOn", receivedOn.toString())
        .putValue("channel", "EMAIL")
        .putValue("regime", "FOIA")
        .putValue("subject", "CCTV policy")
        .putValue("requestText", "Please send me your policy on the use of CCTV and identification procedures, "
            + "as it stood in " + (1900 + REQUESTS.incrementAndGet()) + ".");
  }

  public ProcessInstance instance() {
    return instance;
  }

  public String reference() {
    return (String) variable("reference");
  }

  public Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(instance.getId()))
        .findFirst().map(v -> v.getValue()).orElse(null);
  }

  public Task task(String activityId) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open task " + activityId + " in " + reference() + " but found "
          + tasks.size() + "; open: " + engine.getTaskService().createTaskQuery()
          .processInstanceId(instance.getId()).list().stream().map(Task::getTaskDefinitionKey).toList());
    }
    return tasks.get(0);
  }

  /** Claims the task as the user (with the user's groups) and completes it with the form's values. */
  public FoiCase complete(String activityId, String user, Map<String, Object> formValues) {
    Task task = task(activityId);
    as(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), formValues);
    });
    return this;
  }

  /**
   * Completes the task as the officer with values the engine must refuse: the problems it named, by field (the
   * 400 problem+json's), after checking the task is still open.
   */
  public Map<String, String> refusedAt(String activityId, Map<String, Object> formValues) {
    Throwable cause = org.assertj.core.api.Assertions.catchThrowable(() -> complete(activityId, OFFICER, formValues));
    while (cause != null && !(cause instanceof org.foiflow.casefile.CaseDataInvalidException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw new AssertionError(activityId + " was not refused with " + formValues);
    }
    task(activityId);
    return ((org.foiflow.casefile.CaseDataInvalidException) cause).problems();
  }

  public void as(String user, Runnable work) {
    actingAs(engine, user, work);
  }

  /** Runs work as the user with the user's groups, as Tasklist does, so authorizations apply. */
  public static void actingAs(ProcessEngine engine, String user, Runnable work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // The forms' answers, named as officers would say them.

  public FoiCase triagedAs(Map<String, Object> answers) {
    return complete("Triage", OFFICER, triageAnswers(answers));
  }

  /** The triage form's answers for a valid request that is held, 4 hours' work, changed by {@code answers}. */
  public static VariableMap triageAnswers(Map<String, Object> answers) {
    VariableMap values = Variables.createVariables()
        .putValue("regime", "FOIA")
        .putValue("validRequest", true)
        .putValue("subjectAccessRequest", false)
        .putValue("clarificationNeeded", false)
        .putValue("vexatious", false)
        .putValue("repeatedRequest", false)
        .putValue("informationHeld", true)
        .putValue("feesPayable", false)
        .putValue("estimatedHours", 4);
    values.putAll(answers);
    return values;
  }

  public FoiCase validAndHeld() {
    return triagedAs(Map.of());
  }

  public FoiCase located() {
    return complete("LocateInformation", OFFICER, Map.of(
        "informationSummary", "The force CCTV and identification procedures policy, 14 pages.",
        "informationLocation", "Policy library, Professional Standards",
        "retrievalHours", 1.5));
  }

  public FoiCase assessed(String scope, String... exemptions) {
    VariableMap values = Variables.createVariables()
        .putValue("disclosureScope", scope)
        .putValue("exemptions", List.of(exemptions))
        .putValue("assessmentNotes", "Sections 4 to 6 describe tactics for identifying suspects.");
    if ("PART".equals(scope)) {
      values.putValue("withheldDescription", "Sections 4 to 6 of the policy.");
    }
    return complete("AssessExemptions", OFFICER, values);
  }

  public FoiCase harmShown(String likelihood) {
    return complete("HarmTest", OFFICER, Map.of(
        "harm", "Offenders could learn how suspects are identified from CCTV and avoid being identified.",
        "causalLink", "The withheld sections set out the order and timing of identification steps.",
        "likelihood", likelihood,
        "harmConclusion", "SHOWN"));
  }

  public FoiCase harmNotShown() {
    return complete("HarmTest", OFFICER, Map.of(
        "harm", "None beyond embarrassment.", "causalLink", "No link shown.",
        "likelihood", "WOULD_BE_LIKELY", "harmConclusion", "NOT_SHOWN"));
  }

  public FoiCase publicInterestBalanced(String balance) {
    return complete("PublicInterestTest", OFFICER, Map.of(
        "factorsFor", "Openness about how the force uses CCTV builds public trust.",
        "factorsAgainst", "Revealing identification tactics would help offenders evade justice.",
        "balance", balance,
        "conclusion", "The risk to law enforcement outweighs the general interest in transparency."));
  }

  public FoiCase qualifiedPersonGaveOpinion() {
    return complete("QualifiedPersonOpinion", APPROVER, Map.of(
        "qualifiedPerson", "Chief Constable",
        "qpOpinionDate", LocalDate.now().toString(),
        "qpOpinionSummary", "Disclosure would be likely to inhibit the free and frank exchange of views.",
        "qpOpinionReasonable", true));
  }

  /** The officer records on "Awaiting clarification" that the requester clarified, the date typed as in Tasklist. */
  public FoiCase clarifiedOn(LocalDate receivedOn, String clarifiedRequest) {
    return complete("AwaitingClarification", OFFICER, Map.of("requesterAnswer", "CLARIFIED",
        "clarificationReceivedOn", typed(receivedOn), "clarifiedRequest", clarifiedRequest));
  }

  /** The officer records on "Awaiting fee" that the requester paid. */
  public FoiCase feePaidOn(LocalDate paidOn, double pounds) {
    return complete("AwaitingFee", OFFICER, Map.of("requesterAnswer", "FEE_PAID",
        "feeReceivedOn", typed(paidOn), "feePaidPounds", pounds));
  }

  /** The officer records on the waiting task ("AwaitingClarification" or "AwaitingFee") that the requester withdrew. */
  public FoiCase withdrawnWhile(String waitingTask, LocalDate withdrawnOn, String note) {
    return complete(waitingTask, OFFICER, Map.of("requesterAnswer", "WITHDRAWN",
        "withdrawnOn", typed(withdrawnOn), "withdrawalNote", note));
  }

  /** The third party the consultation scenarios consult, and where their letter goes. */
  public static final String CONSULTEE_NAME = "Acme Leisure Ltd";
  public static final String CONSULTEE_EMAIL = "contracts@acme-leisure.example";

  /**
   * The officer records a provisional assessment (withhold under s.43(2)) and asks, on "Assess exemptions", to consult
   * the third party first: interest S43, S41 or PERSONAL_DATA, and what they are asked about.
   */
  public FoiCase consultedThirdParty(String interest, String details) {
    return complete("AssessExemptions", OFFICER, Variables.createVariables()
        .putValue("disclosureScope", "WITHHOLD")
        .putValue("exemptions", List.of("s43-2"))
        .putValue("assessmentNotes", "The pricing schedule may be commercially sensitive; we are consulting the contractor.")
        .putValue("consultThirdParty", true)
        .putValue("consulteeName", CONSULTEE_NAME)
        .putValue("consulteeEmail", CONSULTEE_EMAIL)
        .putValue("consulteeInterest", interest)
        .putValue("consultationDetails", details));
  }

  /** The officer records on "Record third party's view" that the third party objected, the date typed as in Tasklist. */
  public FoiCase thirdPartyObjected(LocalDate receivedOn, String whatTheySaid) {
    return complete("RecordThirdPartyView", OFFICER, Map.of("thirdPartyView", "OBJECTS",
        "thirdPartyViewSummary", whatTheySaid, "thirdPartyViewReceivedOn", typed(receivedOn)));
  }

  /** The officer records on "Record third party's view" that the third party consented. */
  public FoiCase thirdPartyConsented(LocalDate receivedOn, String whatTheySaid) {
    return complete("RecordThirdPartyView", OFFICER, Map.of("thirdPartyView", "CONSENTS",
        "thirdPartyViewSummary", whatTheySaid, "thirdPartyViewReceivedOn", typed(receivedOn)));
  }

  /** A date as an officer types it in a form: 14/05/2026. */
  public static String typed(LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  // Contributions: the business units the officer asks at "Locate", and their answers (the demo's units and users).

  public static final String HIGHWAYS = "bu-highways";
  public static final String CCTV = "bu-cctv";
  /** A member of each demo unit; hana also manages Highways. */
  public static final String HIGHWAYS_MEMBER = "hugo";
  public static final String CCTV_MEMBER = "carla";

  /** The officer records what they found so far and asks these units for what they hold. */
  public FoiCase askedUnits(String... units) {
    return complete("LocateInformation", OFFICER, Map.of(
        "informationSummary", "Asking the units that hold it.",
        "informationLocation", "Held by the business units asked",
        "contributionUnits", List.of(units)));
  }

  /** The unit's open "Provide information" task on this case. */
  public Task unitTask(String unit) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("ProvideInformation").taskCandidateGroup(unit).includeAssignedTasks().list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open Provide information task for " + unit + " in " + reference()
          + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  /** A member of the unit says what it holds, the hours spent and the exemptions it recommends. */
  public FoiCase unitProvided(String unit, String member, String whatHeld, double hours, String... exemptions) {
    return unitAnswered(unit, member, Map.of("contributionAnswer", "PROVIDED", "whatHeld", whatHeld,
        "hoursSpent", hours, "recommendedExemptions", List.of(exemptions)));
  }

  /** A member of the unit hands the request back as not theirs, suggesting who holds it. */
  public FoiCase unitHandedBack(String unit, String member, String suggestion) {
    return unitAnswered(unit, member, Map.of("contributionAnswer", "HANDED_BACK", "suggestedUnit", suggestion));
  }

  /** The unit member claims the unit's task and completes it with the form's values. */
  public FoiCase unitAnswered(String unit, String member, Map<String, Object> formValues) {
    Task task = unitTask(unit);
    as(member, () -> {
      engine.getTaskService().claim(task.getId(), member);
      engine.getTaskService().complete(task.getId(), formValues);
    });
    return this;
  }

  public FoiCase approved() {
    return complete("ApproveResponse", APPROVER, Map.of("approvalDecision", "APPROVE"));
  }

  /** The clearer clears the approved response at the clearance task {@code stage} (e.g. PRESS_OFFICE_CLEARANCE). */
  public FoiCase clearedBy(String stage, String user) {
    return complete(stage, user, Map.of("clearanceDecision", "APPROVE"));
  }

  /** The clearer asks the officer for amendments at the clearance task {@code stage}. */
  public FoiCase amendsRequested(String stage, String user, String comments) {
    return complete(stage, user, Map.of("clearanceDecision", "REQUEST_AMENDS", "clearanceComments", comments));
  }

  /** The clearer sends the case back to the exemption assessment from the clearance task {@code stage}. */
  public FoiCase sentBackFromClearance(String stage, String user, String comments) {
    return complete(stage, user, Map.of("clearanceDecision", "SEND_BACK", "clearanceComments", comments));
  }

  /** The officer answers amendments or returned comments with a revised letter. */
  public FoiCase revised(String letterText) {
    return complete("ReviseDraft", OFFICER, Map.of("draftLetterText", letterText));
  }

  public FoiCase returnedTo(String stage, String comments) {
    return complete("ApproveResponse", APPROVER, Map.of(
        "approvalDecision", "RETURN", "returnTo", stage, "approvalComments", comments));
  }
}
