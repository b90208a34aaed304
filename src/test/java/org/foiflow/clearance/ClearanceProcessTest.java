package org.foiflow.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.foiflow.process.FoiCase.APPROVER;
import static org.foiflow.process.FoiCase.OFFICER;
import static org.foiflow.process.FoiCase.PRESS_OFFICER;
import static org.foiflow.process.FoiCase.PRESS_OFFICE_CLEARANCE;
import static org.foiflow.process.FoiCase.SENIOR_CLEARANCE;
import static org.foiflow.process.FoiCase.SENIOR_CLEARER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Clearance after approval, one scenario per path through the clearance part of bpmn/foi-request.bpmn: the
 * clearance-route table decides from the case, the press office and the senior clearer clear, ask for amendments
 * or send the case back, and four eyes holds at each step. The demo profile lists "school closures" as sensitive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class ClearanceProcessTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  /** A case approved for full disclosure, triaged with the flags given (none: no flag set). */
  private FoiCase approvedWith(Map<String, Object> flags) {
    return FoiCase.logged(engine, FoiCase.aRequest("Jane Requester", RECEIVED)).triagedAs(flags).located()
        .assessed("FULL").approved();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> clearances(FoiCase foi) {
    return (List<Map<String, Object>>) foi.variable("clearances");
  }

  @Test
  void bypassedByTheRuleWhenNoFlagIsSet() {
    FoiCase foi = approvedWith(Map.of());

    assertThat(foi.instance()).hasPassed("DecideClearance", "IssueResponse")
        .hasNotPassed(PRESS_OFFICE_CLEARANCE, SENIOR_CLEARANCE).isEnded();
    assertThat((List<?>) foi.variable("clearanceBy")).isEmpty();
    assertThat(foi.variable("mediaInterest")).isEqualTo(false);
    assertThat(foi.variable("sensitiveSubject")).isNull();
  }

  @Test
  void mediaInterestPressOfficeAsksForAmendsTheOfficerRevisesTheApproverApprovesAgainAndThePressOfficeClears() {
    FoiCase foi = approvedWith(Map.of("mediaInterest", true));
    assertThat(foi.instance()).isWaitingAt(PRESS_OFFICE_CLEARANCE);
    assertThat(foi.task(PRESS_OFFICE_CLEARANCE).getName()).contains(foi.reference());

    foi.amendsRequested(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER, "Say when the policy was last reviewed.");
    assertThat(foi.instance()).isWaitingAt("ReviseDraft");
    // the officer's Revise draft response form shows them as the comments to answer
    assertThat(foi.variable("approvalComments")).isEqualTo("Press office: Say when the policy was last reviewed.");

    foi.revised("Dear Jane Requester\n\nThe policy, last reviewed in March 2026, is attached.\n\nYours sincerely");
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    foi.approved();
    assertThat(foi.instance()).isWaitingAt(PRESS_OFFICE_CLEARANCE);
    foi.clearedBy(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER);

    assertThat(foi.instance()).hasNotPassed(SENIOR_CLEARANCE).hasPassed("IssueResponse").isEnded();
    assertThat(String.valueOf(foi.variable("draftLetterText"))).contains("last reviewed in March 2026");
    List<Map<String, Object>> clearances = clearances(foi);
    assertThat(clearances).extracting(entry -> entry.get("stage")).containsExactly("PRESS_OFFICE", "PRESS_OFFICE");
    assertThat(clearances).extracting(entry -> entry.get("decision")).containsExactly("REQUEST_AMENDS", "APPROVE");
    assertThat(clearances.get(0)).containsEntry("decidedBy", PRESS_OFFICER)
        .containsEntry("comments", "Say when the policy was last reviewed.");
    assertThat(clearances).allSatisfy(entry -> assertThat(entry).containsKeys("askedAt", "decidedAt"));
    assertThat(java.time.Instant.parse((String) clearances.get(1).get("decidedAt")))
        .isAfterOrEqualTo(java.time.Instant.parse((String) clearances.get(1).get("askedAt")));
  }

  @Test
  void ministerialInterestIsClearedByThePressOfficeThenASeniorOfficer() {
    FoiCase foi = approvedWith(Map.of("ministerialInterest", true));
    assertThat(foi.instance()).isWaitingAt(PRESS_OFFICE_CLEARANCE);
    foi.clearedBy(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER);
    assertThat(foi.instance()).isWaitingAt(SENIOR_CLEARANCE);
    foi.clearedBy(SENIOR_CLEARANCE, SENIOR_CLEARER);

    assertThat(foi.instance()).isEnded().hasPassed("IssueResponse");
    assertThat(clearances(foi)).extracting(entry -> entry.get("stage") + " " + entry.get("decidedBy"))
        .containsExactly("PRESS_OFFICE priya", "SENIOR seth");
  }

  @Test
  void theClearersOpenTheCasePageAndTheDraftLetterTheirFormLinksTo() throws Exception {
    FoiCase foi = approvedWith(Map.of("ministerialInterest", true));
    for (String clearer : List.of(PRESS_OFFICER, SENIOR_CLEARER)) {
      for (String path : List.of("/cases/" + foi.reference(),
          "/api/requests/" + foi.reference() + "/letters/" + foi.variable("draftLetterId") + ".pdf")) {
        HttpResponse<byte[]> page = http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, "GET",
            null, clearer, "demo").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).as(clearer + " " + path).isEqualTo(200);
      }
    }
  }

  @Test
  void highProfileRequesterSeniorSendsTheCaseBackToAssessment() {
    FoiCase foi = approvedWith(Map.of("highProfileRequester", true));
    foi.clearedBy(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER)
        .sentBackFromClearance(SENIOR_CLEARANCE, SENIOR_CLEARER, "Appendix B names junior staff: consider s.40(2).");

    assertThat(foi.instance()).isWaitingAt("AssessExemptions");
    assertThat(clearances(foi).get(1)).containsEntry("decision", "SEND_BACK")
        .containsEntry("comments", "Appendix B names junior staff: consider s.40(2).");
  }

  @Test
  void mediaInterestPressOfficeSendsTheCaseBackToAssessment() {
    FoiCase foi = approvedWith(Map.of("mediaInterest", true))
        .sentBackFromClearance(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER, "The figures in table 2 are not ours to give.");

    assertThat(foi.instance()).hasNotPassed(SENIOR_CLEARANCE).isWaitingAt("AssessExemptions");
  }

  @Test
  void sensitiveSubjectFromTheConfigurationSeniorAsksForAmendsThenClears() {
    VariableMap request = FoiCase.aRequest("Jane Requester", RECEIVED).putValue("subject", "Closures")
        .putValue("requestText", "Please send the consultation responses on SCHOOL  closures in the north.");
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld().located().assessed("FULL").approved();

    assertThat(foi.variable("sensitiveSubject")).isEqualTo("school closures");
    assertThat(foi.instance()).hasNotPassed(PRESS_OFFICE_CLEARANCE).isWaitingAt(SENIOR_CLEARANCE);
    foi.amendsRequested(SENIOR_CLEARANCE, SENIOR_CLEARER, "Point to the published consultation report.");
    assertThat(foi.variable("approvalComments")).isEqualTo("Senior clearance: Point to the published consultation report.");
    foi.revised("Dear Jane Requester\n\nThe report is published on our website.\n\nYours sincerely").approved()
        .clearedBy(SENIOR_CLEARANCE, SENIOR_CLEARER);

    assertThat(foi.instance()).isEnded();
    assertThat(clearances(foi)).extracting(entry -> entry.get("decision")).containsExactly("REQUEST_AMENDS", "APPROVE");
  }

  @Test
  void aSubjectInsideAnotherWordIsNotSensitive() {
    VariableMap request = FoiCase.aRequest("Jane Requester", RECEIVED)
        .putValue("requestText", "Please send the schoolclosures mailing list and the senior salariesx file.");
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld().located().assessed("FULL").approved();

    assertThat(foi.variable("sensitiveSubject")).isNull();
    assertThat(foi.instance()).isEnded();
  }

  @Test
  void theClearanceRouteTableCollectsTheClearancesOfEveryRowThatMatches() {
    assertThat(route(Map.of())).isEmpty();
    assertThat(route(Map.of("mediaInterest", true))).containsExactly("PRESS_OFFICE");
    assertThat(route(Map.of("ministerialInterest", true))).containsExactly("PRESS_OFFICE", "SENIOR");
    assertThat(route(Map.of("highProfileRequester", true))).containsExactly("PRESS_OFFICE", "SENIOR");
    assertThat(route(Map.of("section36Cited", true))).containsExactly("SENIOR");
    assertThat(route(Map.of("sensitiveSubject", "school closures"))).containsExactly("SENIOR");
    assertThat(route(Map.of("mediaInterest", true, "section36Cited", true))).containsExactly("PRESS_OFFICE", "SENIOR");
  }

  private List<Object> route(Map<String, Object> facts) {
    VariableMap variables = Variables.createVariables().putValue("mediaInterest", false)
        .putValue("ministerialInterest", false).putValue("highProfileRequester", false)
        .putValue("section36Cited", false).putValue("sensitiveSubject", null);
    variables.putAll(facts);
    return engine.getDecisionService().evaluateDecisionTableByKey("clearance-route", variables)
        .collectEntries("clearance");
  }

  @Test
  void theApproverCannotClearTheResponseTheyApproved() throws Exception {
    FoiCase foi = approvedWith(Map.of("mediaInterest", true));
    String taskId = foi.task(PRESS_OFFICE_CLEARANCE).getId();
    engine.getIdentityService().createMembership(APPROVER, FoiGroups.PRESS_OFFICE);
    try {
      assertThatThrownBy(() -> foi.as(APPROVER, () -> engine.getTaskService().claim(taskId, APPROVER)))
          .hasRootCauseInstanceOf(AuthorizationException.class)
          .hasMessageContaining("Four-eyes rule: amira approved the response of " + foi.reference()
              + " and cannot clear it; another member of the press office must clear it.");

      HttpResponse<String> claimed = http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port
          + "/engine-rest/engine/" + engine.getName() + "/task/" + taskId + "/claim", "POST",
          "{\"userId\":\"" + APPROVER + "\"}", APPROVER, "demo").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(403);
      assertThat(claimed.body()).contains("approved the response of " + foi.reference()).doesNotContain("ENGINE-");

      assertThatThrownBy(() -> foi.as(APPROVER, () -> engine.getTaskService().complete(taskId,
          Map.of("clearanceDecision", "APPROVE")))).hasRootCauseInstanceOf(AuthorizationException.class);
      assertThat(foi.task(PRESS_OFFICE_CLEARANCE).getAssignee()).isNull();
    } finally {
      engine.getIdentityService().deleteMembership(APPROVER, FoiGroups.PRESS_OFFICE);
    }
    foi.clearedBy(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER);
    assertThat(foi.instance()).isEnded();
  }

  @Test
  void theAssessorCannotClearTheResponse() {
    FoiCase foi = approvedWith(Map.of("mediaInterest", true));
    String taskId = foi.task(PRESS_OFFICE_CLEARANCE).getId();
    engine.getIdentityService().createMembership(OFFICER, FoiGroups.PRESS_OFFICE);
    try {
      // code acting without a login cannot hand it to the assessor either
      assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, OFFICER))
          .hasMessageContaining("Four-eyes rule: olivia took part in the assessment of " + foi.reference()
              + " and cannot clear its response");
    } finally {
      engine.getIdentityService().deleteMembership(OFFICER, FoiGroups.PRESS_OFFICE);
    }
    assertThat(foi.task(PRESS_OFFICE_CLEARANCE).getAssignee()).isNull();
  }

  @Test
  void thePressOfficeClearerCannotGiveSeniorClearanceInTheSameRound() {
    FoiCase foi = approvedWith(Map.of("ministerialInterest", true)).clearedBy(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER);
    String taskId = foi.task(SENIOR_CLEARANCE).getId();
    engine.getIdentityService().createMembership(PRESS_OFFICER, FoiGroups.SENIOR_CLEARANCE);
    try {
      assertThatThrownBy(() -> foi.as(PRESS_OFFICER, () -> engine.getTaskService().claim(taskId, PRESS_OFFICER)))
          .hasRootCauseInstanceOf(AuthorizationException.class)
          .hasMessageContaining("priya cleared the response of " + foi.reference() + " for the press office");
    } finally {
      engine.getIdentityService().deleteMembership(PRESS_OFFICER, FoiGroups.SENIOR_CLEARANCE);
    }
    foi.clearedBy(SENIOR_CLEARANCE, SENIOR_CLEARER);
    assertThat(foi.instance()).isEnded();
  }

  @Test
  void aClearanceWithoutItsCommentsOrDecisionIsRefusedNamingTheField() throws Exception {
    FoiCase foi = approvedWith(Map.of("mediaInterest", true));
    String taskId = foi.task(PRESS_OFFICE_CLEARANCE).getId();

    assertThatThrownBy(() -> foi.complete(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER,
        Map.of("clearanceDecision", "REQUEST_AMENDS"))).rootCause().isInstanceOfSatisfying(CaseDataInvalidException.class,
            refused -> assertThat(refused.problems()).containsOnlyKeys("clearanceComments"));
    assertThatThrownBy(() -> foi.complete(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER,
        Map.of("clearanceDecision", "SEND_BACK", "clearanceComments", "  "))).rootCause().isInstanceOfSatisfying(
            CaseDataInvalidException.class, refused -> assertThat(refused.problems()).containsKey("clearanceComments"));
    assertThatThrownBy(() -> foi.complete(PRESS_OFFICE_CLEARANCE, PRESS_OFFICER,
        Map.of("clearanceDecision", "MAYBE"))).rootCause().isInstanceOfSatisfying(CaseDataInvalidException.class,
            refused -> assertThat(refused.problems()).containsKey("clearanceDecision"));

    HttpResponse<String> refused = http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port
        + "/engine-rest/engine/" + engine.getName() + "/task/" + taskId + "/complete", "POST",
        "{\"variables\":{}}", PRESS_OFFICER, "demo").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.path("errors").has("clearanceDecision")).as(refused.body()).isTrue();
    assertThat(refused.body()).doesNotContain("ENGINE-", "Exception");

    // nothing was kept: the task still waits, its asking filed once and undecided
    assertThat(foi.task(PRESS_OFFICE_CLEARANCE).getId()).isEqualTo(taskId);
    assertThat(clearances(foi)).hasSize(1).first().satisfies(entry -> assertThat(entry).doesNotContainKey("decidedAt"));
  }
}
