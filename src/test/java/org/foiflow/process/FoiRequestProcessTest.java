package org.foiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.clock.StatutoryClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** One scenario per path through bpmn/foi-request.bpmn, named after the path. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class FoiRequestProcessTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);
  private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private FoiCase logged() {
    return FoiCase.logged(engine, FoiCase.aRequest("Jane Requester", RECEIVED));
  }

  @Test
  void grantedInFullAfterLocatingInformation() {
    FoiCase foi = logged();
    assertThat(foi.instance()).hasPassed("RegisterRequest", "SendAcknowledgement").isWaitingAt("Triage");
    assertThat(foi.reference()).matches("FOI-2026-\\d{5}");
    assertThat(foi.variable("dueOn")).isEqualTo(statutoryClock.responseDue(RECEIVED).toString());

    foi.validAndHeld().located().assessed("FULL");
    assertThat(foi.instance()).hasPassed("DecideTriageRoute", "LocateInformation", "ProfileExemptions", "DecideOutcome",
        "DraftResponse").hasNotPassed("HarmTest", "PublicInterestTest").isWaitingAt("ApproveResponse");
    assertThat(foi.variable("triageRoute")).isEqualTo("LOCATE");

    foi.approved();
    assertThat(foi.instance()).hasPassed("IssueResponse").isEnded().hasPassed("ResponseIssued");
    assertThat(foi.variable("outcome")).isEqualTo("GRANTED_IN_FULL");
    assertThat(foi.variable("clock")).isEqualTo("STOPPED");
    assertThat(foi.variable("respondedOn")).isNotNull();
  }

  @Test
  void refusedUnderSection31AfterHarmTestAndPublicInterestTest() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s31");
    assertThat(foi.instance()).isWaitingAt("HarmTest");
    assertThat(foi.task("HarmTest").getName()).isEqualTo("Harm test (Section 31, Law enforcement) – " + foi.reference());

    foi.harmShown("WOULD_BE_LIKELY");
    assertThat(foi.instance()).isWaitingAt("PublicInterestTest");
    foi.publicInterestBalanced("WITHHOLD");
    assertThat(foi.instance()).hasNotPassed("QualifiedPersonOpinion").isWaitingAt("ApproveResponse");
    assertThat(foi.variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> harm = (Map<String, Map<String, Object>>) foi.variable("harmTests");
    assertThat(harm.get("s31")).containsEntry("likelihood", "WOULD_BE_LIKELY").containsEntry("harmShown", true);
    assertThat(String.valueOf(foi.variable("draftLetterText"))).contains("Section 31");

    foi.approved();
    assertThat(foi.instance()).isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
  }

  @Test
  void grantedInPartWithThirdPartyPersonalDataWithheldUnderAbsoluteExemption() {
    FoiCase foi = logged().validAndHeld().located().assessed("PART", "s40-2");
    // s.40(2) is absolute and class-based: neither a harm test nor a public interest test
    assertThat(foi.instance()).hasNotPassed("HarmTest", "PublicInterestTest").isWaitingAt("ApproveResponse");
    foi.approved();
    assertThat(foi.variable("outcome")).isEqualTo("GRANTED_IN_PART");
  }

  @Test
  void neitherConfirmedNorDeniedUnderSection23() {
    FoiCase foi = logged().validAndHeld().located().assessed("NCND", "s23").approved();
    assertThat(foi.instance()).isEnded().hasNotPassed("HarmTest", "PublicInterestTest");
    assertThat(foi.variable("outcome")).isEqualTo("NCND");
  }

  @Test
  void refusedUnderSection12WhenTheEstimateExceedsTheCostLimit() {
    FoiCase foi = logged().triagedAs(Map.of("estimatedHours", 18.5));
    // 18.5 hours at £25 is £462.50, over the £450 limit
    assertThat(foi.instance()).hasNotPassed("LocateInformation").isWaitingAt("ApproveResponse");
    assertThat(foi.variable("triageRoute")).isEqualTo("REFUSE_S12");
    foi.approved();
    assertThat(foi.variable("outcome")).isEqualTo("REFUSED_S12");
  }

  @Test
  void locatedWhenTheEstimateIsExactlyAtTheCostLimit() {
    FoiCase foi = logged().triagedAs(Map.of("estimatedHours", 18));
    // 18 hours at £25 is £450: s.12 applies only when the cost would exceed the limit
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
  }

  @Test
  void refusedUnderSection14AsVexatious() {
    FoiCase foi = logged().triagedAs(Map.of("vexatious", true, "vexatiousReason", "The fortieth request on the same closed matter this year."));
    foi.approved();
    assertThat(foi.instance()).isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("REFUSED_S14");
  }

  @Test
  void refusedUnderSection14AsARepeatedRequest() {
    // the triage form's own answers: vexatious unticked, the s.14(2) box ticked
    FoiCase foi = logged().triagedAs(Map.of("repeatedRequest", true,
        "vexatiousReason", "The same request as FOI-2026-00007, answered on 3 November 2026."));
    assertThat(foi.variable("triageRoute")).isEqualTo("REFUSE_S14");
    assertThat((String) foi.variable("draftLetterText")).contains("Section 14(2)");
    foi.approved();
    assertThat(foi.instance()).isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("REFUSED_S14");
  }

  @Test
  void answeredAsNotHeld() {
    FoiCase foi = logged().triagedAs(Map.of("informationHeld", false)).approved();
    assertThat(foi.instance()).isEnded().hasNotPassed("LocateInformation");
    assertThat(foi.variable("outcome")).isEqualTo("NOT_HELD");
  }

  @Test
  void redirectedAsSubjectAccessRequest() {
    FoiCase foi = logged().triagedAs(Map.of("subjectAccessRequest", true)).approved();
    assertThat(foi.instance()).isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("REDIRECTED_SAR");
  }

  @Test
  void clarifiedRequestGoesBackToTriageWithANewDeadline() {
    FoiCase foi = waitingForClarification();
    assertThat(foi.instance()).hasPassed("RequestClarification").isWaitingAt("AwaitingClarification");
    assertThat(foi.variable("clock")).isEqualTo("PAUSED");
    Task waiting = foi.task("AwaitingClarification");
    assertThat(waiting.getName()).isEqualTo("Awaiting clarification – " + foi.reference());
    assertThat(waiting.getDueDate()).as("due the day the request lapses").isEqualTo(foi.variable("clarificationLapsesAt"));
    assertThat(waiting.getFollowUpDate()).as("a reminder a week before").isEqualTo(Date.from(
        LocalDate.ofInstant(waiting.getDueDate().toInstant(), LONDON).minusDays(7).atStartOfDay(LONDON).toInstant()));

    LocalDate clarifiedOn = today();
    foi.clarifiedOn(clarifiedOn, " The policy for CCTV in custody suites. ");

    assertThat(foi.instance()).hasPassed("AwaitingClarification", "RestartClock", "RearmWatchAfterClarification")
        .isWaitingAt("Triage");
    assertThat(foi.variable("clarificationReceivedOn")).isEqualTo(clarifiedOn.toString());
    assertThat(foi.variable("dueOn")).isEqualTo(statutoryClock.responseDue(clarifiedOn).toString());
    assertThat(foi.variable("requestText")).isEqualTo("The policy for CCTV in custody suites.");
    assertThat(foi.variable("clock")).isEqualTo("RUNNING");
    foi.validAndHeld();
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
  }

  @Test
  void paidFeeResumesTheClockAndTheCaseGoesOnToLocate() {
    FoiCase foi = waitingForFee(12.5);
    assertThat(foi.task("AwaitingFee").getName()).isEqualTo("Awaiting fee – " + foi.reference());
    foi.feePaidOn(today(), 12.5);
    assertThat(foi.instance()).hasPassed("AwaitingFee", "ResumeClockAfterFee", "RearmWatchAfterFee")
        .isWaitingAt("LocateInformation");
    assertThat(foi.variable("clock")).isEqualTo("RUNNING");
    assertThat(foi.variable("feePaidPounds")).isEqualTo(12.5);
  }

  @Test
  void withdrawnWhileAwaitingClarification() {
    FoiCase foi = waitingForClarification().withdrawnWhile("AwaitingClarification", today(), "By email: no longer needed.");
    assertThat(foi.instance()).hasPassed("WithdrawnMerge", "CloseAsWithdrawn", "RequestWithdrawn")
        .hasNotPassed("RestartClock").isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("WITHDRAWN");
    assertThat(foi.variable("withdrawnOn")).isEqualTo(today().toString());
    assertThat(foi.variable("clock")).isEqualTo("STOPPED");
  }

  @Test
  void withdrawnWhileAwaitingFee() {
    FoiCase foi = waitingForFee(30).withdrawnWhile("AwaitingFee", today(), "Will not pay.");
    assertThat(foi.instance()).hasPassed("CloseAsWithdrawn", "RequestWithdrawn").hasNotPassed("ResumeClockAfterFee").isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("WITHDRAWN");
  }

  @Test
  void lapsedWhenNoClarificationArrives() {
    FoiCase foi = logged().triagedAs(Map.of("validRequest", false,
        "clarificationQuestion", "Please give an address for correspondence."));
    assertThat(foi.instance()).isWaitingAt("AwaitingClarification");
    execute(job("ClarificationLapsed", foi.instance()));
    assertThat(foi.instance()).hasPassed("ClarificationLapsed", "CloseAsLapsed", "RequestLapsed").isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("LAPSED");
    assertThat(foi.variable("clock")).isEqualTo("STOPPED");
  }

  @Test
  void anAnswerThatBreaksTheRulesLeavesTheWaitingTaskOpenNamingTheField() {
    FoiCase foi = waitingForClarification();
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "FEE_PAID"), "requesterAnswer");
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "CLARIFIED",
        "clarificationReceivedOn", FoiCase.typed(today().plusDays(1)), "clarifiedRequest", "x"), "clarificationReceivedOn");
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "CLARIFIED",
        "clarificationReceivedOn", FoiCase.typed(today().minusDays(1)), "clarifiedRequest", "x"), "clarificationReceivedOn");
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "CLARIFIED",
        "clarificationReceivedOn", "02/13/2026", "clarifiedRequest", "x"), "clarificationReceivedOn");
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "CLARIFIED",
        "clarificationReceivedOn", FoiCase.typed(today())), "clarifiedRequest");
    assertRefused(foi, "AwaitingClarification", Map.of("requesterAnswer", "WITHDRAWN"), "withdrawnOn");
    assertThat(foi.instance()).isWaitingAt("AwaitingClarification");

    FoiCase fee = waitingForFee(12.5);
    assertRefused(fee, "AwaitingFee", Map.of("requesterAnswer", "FEE_PAID",
        "feeReceivedOn", FoiCase.typed(today()), "feePaidPounds", 0), "feePaidPounds");
    assertThat(assertRefused(fee, "AwaitingFee", Map.of("requesterAnswer", "FEE_PAID",
        "feeReceivedOn", FoiCase.typed(today()), "feePaidPounds", 10), "feePaidPounds"))
        .contains("less than the £12.50 the fees notice asked for");
    assertThat(fee.instance()).isWaitingAt("AwaitingFee");
  }

  private String assertRefused(FoiCase foi, String waitingTask, Map<String, Object> answer, String field) {
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> foi.complete(waitingTask, FoiCase.OFFICER, answer));
    Throwable cause = refused;
    while (cause != null && !(cause instanceof CaseDataInvalidException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("refused: " + answer).isInstanceOf(CaseDataInvalidException.class);
    assertThat(((CaseDataInvalidException) cause).problems()).as(answer.toString()).containsKey(field);
    return ((CaseDataInvalidException) cause).problems().get(field);
  }

  private FoiCase waitingForClarification() {
    return FoiCase.logged(engine, FoiCase.aRequest("Clara Fye", today())).triagedAs(Map.of("clarificationNeeded", true,
        "clarificationQuestion", "Which policy do you mean: CCTV in custody suites or in public spaces?"));
  }

  private FoiCase waitingForFee(double pounds) {
    return FoiCase.logged(engine, FoiCase.aRequest("Fay Payer", today())).triagedAs(Map.of("feesPayable", true,
        "feePounds", pounds, "feeDetails", "Copying 250 pages at 5p a page"));
  }

  private static LocalDate today() {
    return LocalDate.now(LONDON);
  }

  @Test
  void returnedToAssessmentWhenNoHarmIsShown() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s31").harmNotShown();
    assertThat(foi.instance()).isWaitingAt("AssessExemptions").hasNotPassed("PublicInterestTest");
    foi.assessed("FULL");
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    assertThat(foi.variable("outcome")).isEqualTo("GRANTED_IN_FULL");
  }

  @Test
  void returnedToAssessmentWhenThePublicInterestFavoursDisclosure() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s31")
        .harmShown("WOULD").publicInterestBalanced("DISCLOSE");
    assertThat(foi.instance()).isWaitingAt("AssessExemptions");
  }

  @Test
  void refusedUnderSection36AfterTheQualifiedPersonsOpinion() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s36").harmShown("WOULD_BE_LIKELY");
    assertThat(foi.instance()).isWaitingAt("QualifiedPersonOpinion");
    foi.qualifiedPersonGaveOpinion().publicInterestBalanced("WITHHOLD");
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    foi.approved();
    // s.36 relies on the qualified person: the clearance-route table asks a senior officer to sign it off
    assertThat(foi.instance()).hasNotPassed(FoiCase.PRESS_OFFICE_CLEARANCE).isWaitingAt(FoiCase.SENIOR_CLEARANCE);
    foi.clearedBy(FoiCase.SENIOR_CLEARANCE, FoiCase.SENIOR_CLEARER);
    assertThat(foi.instance()).isEnded().hasPassed("IssueResponse");
    assertThat(foi.variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
    assertThat(foi.variable("qualifiedPerson")).isEqualTo("Chief Constable");
  }

  @Test
  void refusedUnderTwoExemptionsWithOneHarmTestAndTwoPublicInterestTests() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s31", "s42");
    // s.31 is prejudice-based and qualified; s.42 is class-based and qualified
    foi.harmShown("WOULD");
    assertThat(foi.instance()).isWaitingAt("PublicInterestTest");
    foi.publicInterestBalanced("WITHHOLD");
    assertThat(foi.task("PublicInterestTest").getName()).contains("Section 42");
    foi.publicInterestBalanced("WITHHOLD");
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
  }

  @Test
  void approverReturnsTheDraftAndApprovesTheOfficersRevision() {
    FoiCase foi = logged().validAndHeld().located().assessed("FULL");
    foi.returnedTo("DRAFT", "Please name the attached policy in the first paragraph.");
    assertThat(foi.instance()).isWaitingAt("ReviseDraft");
    foi.complete("ReviseDraft", FoiCase.OFFICER, Map.of("draftLetterText",
        "Dear Jane Requester\n\nPlease find attached the CCTV and identification procedures policy.\n\nYours sincerely"));
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    assertThat(String.valueOf(foi.variable("draftLetterText"))).contains("Please find attached the CCTV");
    foi.approved();
    assertThat(foi.instance()).isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("GRANTED_IN_FULL");
  }

  @Test
  void officersRevisionLongerThanTheEnginesTextColumnIsKeptWhole() {
    FoiCase foi = logged().validAndHeld().located().assessed("FULL");
    foi.returnedTo("DRAFT", "Please list every site in the letter.");
    String sites = "Camera site on the A1 northbound at junction 12, checked monthly.\n".repeat(150);
    String revised = "Dear Jane Requester\n\n" + sites + "\nYours sincerely";
    assertThat(revised.length()).isGreaterThan(4000);
    // Tasklist submits a textarea as a plain String variable, as here
    Task revise = foi.task("ReviseDraft");
    foi.as(FoiCase.OFFICER, () -> {
      engine.getTaskService().claim(revise.getId(), FoiCase.OFFICER);
      engine.getFormService().submitTaskForm(revise.getId(),
          Variables.createVariables().putValueTyped("draftLetterText", Variables.stringValue(revised)));
    });
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    // the draft is written again (as Markdown) from the letter the edit made: every line of it is there
    String draft = String.valueOf(foi.variable("draftLetterText"));
    assertThat(draft).contains("Dear Jane Requester", "Yours sincerely");
    assertThat(draft.split("Camera site on the A1 northbound at junction 12, checked monthly\\.", -1)).hasSize(151);
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(foi.instance().getId())
        .variableUpdates().list().stream()
        .map(detail -> ((HistoricVariableUpdate) detail))
        .filter(update -> update.getVariableName().equals("draftLetterText"))
        .map(update -> String.valueOf(update.getValue())))
        .as("the history keeps the officer's whole text").anyMatch(text -> text.equals(revised));
  }

  @Test
  void approverReturnsTheCaseToAssessment() {
    FoiCase foi = logged().validAndHeld().located().assessed("FULL")
        .returnedTo("ASSESSMENT", "Section 40(2) applies to the names in appendix B.");
    assertThat(foi.instance()).isWaitingAt("AssessExemptions");
    foi.assessed("PART", "s40-2").approved();
    assertThat(foi.variable("outcome")).isEqualTo("GRANTED_IN_PART");
  }

  @Test
  void approverReturnsTheCaseToTriage() {
    FoiCase foi = logged().triagedAs(Map.of("informationHeld", false))
        .returnedTo("TRIAGE", "We do hold this: ask Facilities.");
    assertThat(foi.instance()).isWaitingAt("Triage");
    foi.validAndHeld();
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
  }

  @Test
  void theAssessorCannotApproveTheirOwnCase() {
    FoiCase foi = logged().validAndHeld().located().assessed("FULL");
    engine.getIdentityService().createMembership(FoiCase.OFFICER, "foi-approvers");
    try {
      String taskId = foi.task("ApproveResponse").getId();
      // the engine refuses the assessor although their group may work approvals
      assertThatThrownBy(() -> foi.as(FoiCase.OFFICER, () -> engine.getTaskService().claim(taskId, FoiCase.OFFICER)))
          .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("olivia");
      assertThatThrownBy(() -> foi.as(FoiCase.OFFICER, () -> engine.getTaskService().complete(taskId,
          Map.of("approvalDecision", "APPROVE"))))
          .hasRootCauseInstanceOf(AuthorizationException.class);
      // and code acting without a login cannot hand the approval to the assessor either
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, FoiCase.OFFICER))
          .hasMessageContaining("Four-eyes rule: olivia took part in the assessment of " + foi.reference());
      // nothing was lost: the approval still waits, unclaimed, and another approver can do it
      assertThat(foi.task("ApproveResponse").getAssignee()).isNull();
      assertThat(foi.variable("assessedBy")).isEqualTo(List.of(FoiCase.OFFICER));
      foi.approved();
      assertThat(foi.instance()).isEnded();
    } finally {
      engine.getIdentityService().deleteMembership(FoiCase.OFFICER, "foi-approvers");
    }
  }

  @Test
  void referencesAreSequentialWithinTheYear() {
    String first = logged().reference();
    String second = logged().reference();
    int a = Integer.parseInt(first.substring(9));
    assertThat(second).isEqualTo("FOI-2026-%05d".formatted(a + 1));
  }
}
