package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Staff act on a case through its tasks and foiflow's own API, whatever door they use: the engine's REST API,
 * the webapps' engine API behind Tasklist, or the Java API. Each walk-round reproduced against earlier versions is
 * refused with a 403 problem and changes nothing; an administrator keeps the full engine API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EveryDoorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SKIP_APPROVAL = "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"ApproveResponse\"},"
      + "{\"type\":\"startBeforeActivity\",\"activityId\":\"IssueResponse\"}]}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private StaffDoors doors;
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void doors() {
    doors = new StaffDoors(port, engine.getName());
    if (engine.getIdentityService().createUserQuery().userId("bea").count() == 0) {
      User both = engine.getIdentityService().newUser("bea");
      both.setPassword("demo");
      engine.getIdentityService().saveUser(both);
      engine.getIdentityService().createMembership("bea", FoiGroups.OFFICERS);
      engine.getIdentityService().createMembership("bea", FoiGroups.APPROVERS);
    }
  }

  private FoiCase atApproval(String name) {
    return FoiCase.logged(engine, FoiCase.aRequest(name, today)).validAndHeld().located().assessed("FULL");
  }

  private List<String> openTasks(FoiCase foi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId()).list().stream()
        .map(task -> task.getTaskDefinitionKey()).toList();
  }

  private static void assertRefused(Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(403);
    assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
    assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception", "ENGINE-");
  }

  private void asUser(String user, Runnable work) {
    FoiCase.actingAs(engine, user, work);
  }

  @Test
  void approvalCannotBeSkippedByModifyingTheProcessInstance() throws Exception {
    FoiCase foi = atApproval("Skip Approval");
    String path = "/process-instance/" + foi.instance().getId() + "/modification";
    assertRefused(doors.engineRest("olivia", "POST", path, SKIP_APPROVAL));
    assertRefused(doors.engineRest("amira", "POST", path, SKIP_APPROVAL));
    assertRefused(doors.signIntoTasklist("olivia").call("POST", path, SKIP_APPROVAL));
    assertThatThrownBy(() -> asUser("olivia", () -> engine.getRuntimeService()
        .createProcessInstanceModification(foi.instance().getId()).cancelAllForActivity("ApproveResponse")
        .startBeforeActivity("IssueResponse").execute())).isInstanceOf(AuthorizationException.class);
    assertThat(openTasks(foi)).containsExactly("ApproveResponse");
    assertThat(foi.variable("closedOn")).isNull();

    // nor triage
    FoiCase atTriage = FoiCase.logged(engine, FoiCase.aRequest("Skip Triage", today));
    assertRefused(doors.engineRest("olivia", "POST", "/process-instance/" + atTriage.instance().getId() + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Triage\"},"
            + "{\"type\":\"startBeforeActivity\",\"activityId\":\"LocateInformation\"}]}"));
    assertThat(openTasks(atTriage)).containsExactly("Triage");
  }

  @Test
  void anAdministratorKeepsTheWholeEngineApi() throws Exception {
    FoiCase foi = atApproval("Admin Moves");
    Answer moved = doors.engineRest("admin", "POST", "/process-instance/" + foi.instance().getId() + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"ApproveResponse\"},"
            + "{\"type\":\"startBeforeActivity\",\"activityId\":\"ReviseDraft\"}]}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    assertThat(openTasks(foi)).containsExactly("ReviseDraft");
  }

  @Test
  void thePublicDisclosureLogCannotBeForged() throws Exception {
    String forged = "{\"variables\":{\"caseReference\":{\"value\":\"FOI-2026-00001\"},"
        + "\"publishedRequest\":{\"value\":\"Sam Citizen of 1 High Street asked\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"PublishEntry\"}]}";
    long entriesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM foi_disclosure_log", Long.class);
    assertRefused(doors.engineRest("olivia", "POST", "/process-definition/key/disclosure-log-entry/start", forged));
    assertRefused(doors.signIntoTasklist("olivia").call("POST", "/process-definition/key/disclosure-log-entry/start", forged));
    // nor at its start event: only foiflow offers a release for the log
    assertRefused(doors.engineRest("olivia", "POST", "/process-definition/key/disclosure-log-entry/submit-form",
        "{\"variables\":{\"caseReference\":{\"value\":\"FOI-2026-00001\"}}}"));

    // an entry waiting for approval: its text is written only through the approval form
    FoiCase released = atApproval("Released Case").approved();
    String entry = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("disclosure-log-entry")
        .processInstanceBusinessKey(released.reference()).singleResult().getId();
    assertRefused(doors.engineRest("olivia", "PUT", "/process-instance/" + entry + "/variables/publishedRequest",
        "{\"value\":\"Sam Citizen of 1 High Street asked\",\"type\":\"String\"}"));
    assertRefused(doors.engineRest("olivia", "POST", "/process-instance/" + entry + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"ApproveEntry\"},"
            + "{\"type\":\"startBeforeActivity\",\"activityId\":\"PublishEntry\"}]}"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_disclosure_log", Long.class)).isEqualTo(entriesBefore);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(entry).singleResult().getTaskDefinitionKey())
        .isEqualTo("ApproveEntry");
  }

  @Test
  void lettersCannotBeUploadedAndAServedLetterRunsNoScript() throws Exception {
    FoiCase foi = atApproval("Letter Writer");
    String script = "<html><body><script>fetch('/camunda/api/admin/')</script>Dear</body></html>";
    String upload = "{\"value\":\"" + java.util.Base64.getEncoder().encodeToString(script.getBytes())
        + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"letter1.html\",\"mimeType\":\"text/html\"}}";
    assertRefused(doors.engineRest("olivia", "PUT", "/process-instance/" + foi.instance().getId() + "/variables/letter1Html", upload));
    String approval = foi.task("ApproveResponse").getId();
    assertRefused(doors.engineRest("amira", "PUT", "/task/" + approval + "/variables/letter1Html", upload));
    assertThat(new String(((org.camunda.bpm.engine.variable.value.FileValue) engine.getRuntimeService()
        .getVariableTyped(foi.instance().getId(), "letter1Html")).getValue().readAllBytes())).doesNotContain("<script>");

    // even a letter with a script in it (written by an administrator) is served so that nothing runs
    assertThat(doors.engineRest("admin", "PUT", "/process-instance/" + foi.instance().getId() + "/variables/letter1Html", upload).status())
        .isEqualTo(204);
    Answer served = doors.foiflow("olivia", "GET", "/api/requests/" + foi.reference() + "/letters/letter1.html", null);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("default-src 'none'", "sandbox").doesNotContain("script-src"));
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void fourEyesHoldWhenStaffTryToMakeThemselvesCandidatesOrClearWhoAssessed() throws Exception {
    FoiCase foi = atApproval("Four Eyes");
    String approval = foi.task("ApproveResponse").getId();
    assertRefused(doors.engineRest("olivia", "POST", "/task/" + approval + "/identity-links",
        "{\"userId\":\"olivia\",\"type\":\"candidate\"}"));
    assertRefused(doors.signIntoTasklist("olivia").call("POST", "/task/" + approval + "/identity-links",
        "{\"groupId\":\"foi-officers\",\"type\":\"candidate\"}"));
    assertThatThrownBy(() -> asUser("olivia", () -> engine.getTaskService().addCandidateUser(approval, "olivia")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval)).extracting(link -> link.getGroupId())
        .containsExactly(FoiGroups.APPROVERS);

    // bea is an officer and an approver: she assessed this one, so she may not approve it, however she tries
    FoiCase hers = FoiCase.logged(engine, FoiCase.aRequest("Bea Assessed", today)).validAndHeld().located()
        .complete("AssessExemptions", "bea", Map.of("disclosureScope", "FULL", "exemptions", List.of(),
            "assessmentNotes", "Nothing to withhold."));
    String herApproval = hers.task("ApproveResponse").getId();
    String instance = hers.instance().getId();
    assertRefused(doors.engineRest("bea", "PUT", "/process-instance/" + instance + "/variables/assessedBy",
        "{\"value\":\"[]\",\"type\":\"Json\"}"));
    assertRefused(doors.engineRest("bea", "PUT", "/task/" + herApproval + "/variables/assessedBy",
        "{\"value\":\"[]\",\"type\":\"Json\"}"));
    assertRefused(doors.engineRest("bea", "POST", "/task/" + herApproval + "/complete",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}"));
    // a completion writes the form's fields only
    Answer smuggled = doors.engineRest("amira", "POST", "/task/" + herApproval + "/complete",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"},\"assessedBy\":{\"value\":\"[]\",\"type\":\"Json\"}}}");
    assertThat(smuggled.status()).as(smuggled.body()).isEqualTo(400);
    assertThat(JSON.readTree(smuggled.body()).path("errors").has("assessedBy")).isTrue();
    assertThat(openTasks(hers)).containsExactly("ApproveResponse");
    assertThat(hers.variable("assessedBy").toString()).contains("bea");
  }

  @Test
  void theClockMovesOnlyThroughFoiflowsRules() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Clock Watcher", today));
    String dueOn = (String) foi.variable("dueOn");
    String backwards = "{\"messageName\":\"DeadlineExtension\",\"businessKey\":\"" + foi.reference() + "\","
        + "\"processVariables\":{\"extensionKind\":{\"value\":\"PUBLIC_INTEREST\"},\"extensionReason\":{\"value\":\"r\"},"
        + "\"extendedDueOn\":{\"value\":\"2026-01-05\"}}}";
    assertRefused(doors.engineRest("olivia", "POST", "/message", backwards));
    assertRefused(doors.signIntoTasklist("olivia").call("POST", "/message", backwards));
    assertThatThrownBy(() -> asUser("olivia", () -> engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(foi.reference()).setVariables(Variables.createVariables()
            .putValue("extensionKind", "PUBLIC_INTEREST").putValue("extendedDueOn", "2026-01-05")).correlate()))
        .isInstanceOf(AuthorizationException.class);
    // the rule is the model's: not even an administrator brings a deadline forward
    Answer byAdmin = doors.engineRest("admin", "POST", "/message", backwards);
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(400);
    assertThat(JSON.readTree(byAdmin.body()).path("errors").has("extendedDueOn")).as(byAdmin.body()).isTrue();
    assertThat(foi.variable("dueOn")).isEqualTo(dueOn);

    assertRefused(doors.engineRest("olivia", "PUT", "/process-instance/" + foi.instance().getId() + "/suspended",
        "{\"suspended\":true}"));
    assertThatThrownBy(() -> asUser("olivia", () -> engine.getRuntimeService()
        .suspendProcessInstanceById(foi.instance().getId()))).isInstanceOf(AuthorizationException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(foi.instance().getId())
        .singleResult().isSuspended()).isFalse();
  }

  /** The rest of the engine's writes: each one an officer might try on a case or task they can see. */
  @org.junit.jupiter.api.TestFactory
  List<org.junit.jupiter.api.DynamicTest> everyOtherEngineWriteIsForAdministrators() {
    FoiCase foi = atApproval("Other Writes");
    String instance = foi.instance().getId();
    String task = foi.task("ApproveResponse").getId();
    String[][] writes = {
        {"PUT", "/task/" + task, "{\"name\":\"Approved\",\"due\":\"2030-01-01T00:00:00.000+0000\"}"},
        {"POST", "/task/" + task + "/bpmnError", "{\"errorCode\":\"Withdrawn\"}"},
        {"POST", "/task/" + task + "/resolve", "{}"},
        {"POST", "/task/" + task + "/delegate", "{\"userId\":\"oscar\"}"},
        {"PUT", "/task/" + task + "/localVariables/note", "{\"value\":\"x\",\"type\":\"String\"}"},
        {"POST", "/task/" + task + "/variables", "{\"modifications\":{\"outcome\":{\"value\":\"REFUSED\"}}}"},
        {"POST", "/process-instance/" + instance + "/variables", "{\"modifications\":{\"outcome\":{\"value\":\"REFUSED\"}}}"},
        {"DELETE", "/process-instance/" + instance, null},
        {"POST", "/signal", "{\"name\":\"anything\"}"},
        {"POST", "/process-definition/key/foi-request/start", "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"IssueResponse\"}]}"},
        {"POST", "/condition", "{\"variables\":{\"x\":{\"value\":1}}}"},
        {"PUT", "/process-instance/suspended", "{\"processDefinitionKey\":\"foi-request\",\"suspended\":true}"},
    };
    return java.util.Arrays.stream(writes).map(write -> org.junit.jupiter.api.DynamicTest.dynamicTest(
        write[0] + " " + write[1].replace(instance, "{instance}").replace(task, "{task}"), () -> {
          Answer answer = doors.engineRest("olivia", write[0], write[1], write[2]);
          assertThat(answer.status()).as(answer.body()).isEqualTo(403);
          assertThat(answer.body()).doesNotContain("Exception", "ENGINE-");
          assertThat(openTasks(foi)).containsExactly("ApproveResponse");
          assertThat(foi.task("ApproveResponse").getName()).isEqualTo("Approve response – " + foi.reference());
          assertThat(foi.variable("outcome")).isNotEqualTo("REFUSED");
        })).toList();
  }

  @Test
  void staffStillWorkTheirTasksThroughEveryDoor() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Door Worker", today));
    String triage = foi.task("Triage").getId();
    StaffDoors.Webapp tasklist = doors.signIntoTasklist("olivia");
    Answer claimed = tasklist.call("POST", "/task/" + triage + "/claim", "{\"userId\":\"olivia\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(tasklist.call("POST", "/task/" + triage + "/comment/create", "{\"message\":\"Called the requester.\"}")
        .status()).isEqualTo(200);
    Answer done = tasklist.call("POST", "/task/" + triage + "/submit-form", "{\"variables\":{"
        + "\"reference\":{\"value\":\"" + foi.reference() + "\"},\"regime\":{\"value\":\"FOIA\"},"
        + "\"validRequest\":{\"value\":true},\"subjectAccessRequest\":{\"value\":false},"
        + "\"clarificationNeeded\":{\"value\":false},\"vexatious\":{\"value\":false},\"repeatedRequest\":{\"value\":false},"
        + "\"informationHeld\":{\"value\":true},"
        + "\"feesPayable\":{\"value\":false},\"estimatedHours\":{\"value\":3}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(openTasks(foi)).contains("LocateInformation");
    // the read-only reference shown on the form is not written back
    assertThat(foi.variable("reference")).isNotNull();
  }

  @Test
  void aUnitMemberReadsOnlyTheirOwnTaskAndNothingElseOfTheCase() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Ursula Unseen", today)).validAndHeld()
        .askedUnits(FoiCase.HIGHWAYS, FoiCase.CCTV);
    String instance = foi.instance().getId();
    String hugo = FoiCase.HIGHWAYS_MEMBER;
    String ownTask = foi.unitTask(FoiCase.HIGHWAYS).getId();
    String otherUnitsTask = foi.unitTask(FoiCase.CCTV).getId();

    // their own task's form values: the request, never the requester
    Answer own = doors.engineRest(hugo, "GET", "/task/" + ownTask + "/variables", null);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.body()).contains("requestText").doesNotContain("Ursula", "requesterEmail", "requesterAddress");
    for (String path : List.of("/process-instance/" + instance + "/variables",
        "/process-instance/" + instance + "/variables/requesterName", "/task/" + otherUnitsTask + "/variables")) {
      Answer read = doors.engineRest(hugo, "GET", path, null);
      assertThat(read.status()).as(path + " " + read.body()).isIn(403, 404);
      assertThat(read.body()).as(path).doesNotContain("Ursula");
    }
    for (String path : List.of("/history/variable-instance?processInstanceId=" + instance,
        "/variable-instance?processInstanceIdIn=" + instance, "/task?processInstanceId=" + instance,
        "/history/process-instance?processInstanceId=" + instance, "/process-instance?processInstanceIds=" + instance)) {
      Answer listed = doors.engineRest(hugo, "GET", path, null);
      assertThat(listed.status()).as(path + " " + listed.body()).isEqualTo(200);
      assertThat(listed.body()).as(path).doesNotContain("Ursula", otherUnitsTask, "requesterEmail");
    }
    // foiflow's own pages and APIs are the FOI team's
    for (String path : List.of("/cases/" + foi.reference(), "/api/requests/" + foi.reference(),
        "/api/requests/" + foi.reference() + "/requester-history", "/api/requests/" + foi.reference() + "/links",
        "/api/deadlines/contributions", "/api/deadlines", "/api/statistics", "/api/statistics?format=csv",
        "/api/round-robins")) {
      Answer refused = doors.foiflow(hugo, "GET", path, null);
      assertThat(refused.status()).as(path + " " + refused.body()).isIn(403, 404);
      assertThat(refused.body()).as(path).doesNotContain("Ursula", foi.reference() + " ");
    }
    // nor link the case to others (linked cases are the FOI team's, applicant-blind units see none)
    Answer linked = doors.foiflow(hugo, "POST", "/api/requests/" + foi.reference() + "/links",
        "{\"reference\":\"FOI-2026-00001\",\"kind\":\"RELATED\"}");
    assertThat(linked.status()).as(linked.body()).isEqualTo(403);
    // nor may they answer for another unit
    assertRefused(doors.engineRest(hugo, "POST", "/task/" + otherUnitsTask + "/complete",
        "{\"variables\":{\"contributionAnswer\":{\"value\":\"HANDED_BACK\"},\"suggestedUnit\":{\"value\":\"Parks\"}}}"));
    assertThat(foi.unitTask(FoiCase.CCTV).getId()).isEqualTo(otherUnitsTask);
  }

  @Test
  void anOfficerCannotAnswerForABusinessUnit() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Otto Officer", today)).validAndHeld()
        .askedUnits(FoiCase.HIGHWAYS);
    String unitTask = foi.unitTask(FoiCase.HIGHWAYS).getId();
    String answer = "{\"variables\":{\"contributionAnswer\":{\"value\":\"HANDED_BACK\"},"
        + "\"suggestedUnit\":{\"value\":\"Parks\"}}}";
    assertRefused(doors.engineRest("olivia", "POST", "/task/" + unitTask + "/claim", "{\"userId\":\"olivia\"}"));
    assertRefused(doors.engineRest("olivia", "POST", "/task/" + unitTask + "/complete", answer));
    assertRefused(doors.signIntoTasklist("olivia").call("POST", "/task/" + unitTask + "/submit-form", answer));
    assertThat(foi.unitTask(FoiCase.HIGHWAYS).getId()).isEqualTo(unitTask);
    assertThat(foi.unitTask(FoiCase.HIGHWAYS).getAssignee()).isNull();
  }
}
