package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Dates in our Camunda Forms are typed day first (14/05/2026) and kept as the process reads them (2026-05-14),
 * whichever door a form's values come through: the engine's REST API, the webapps' engine API behind Tasklist, or
 * the Java API; ISO dates from scripts keep working. What a rule refuses comes back as a short sentence naming the
 * field as the form labels it, with no engine codes or class names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class UkFormDatesThroughEveryDoorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private StaffDoors doors;
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void doors() {
    doors = new StaffDoors(port, engine.getName());
  }

  private static String startForm(String requester, String receivedOn) {
    return "{\"variables\":{\"requesterName\":{\"value\":\"" + requester + "\"},"
        + "\"requesterEmail\":{\"value\":\"" + requester.toLowerCase().replace(' ', '.') + "@example.org\"},"
        + "\"receivedOn\":{\"value\":\"" + receivedOn + "\"},\"channel\":{\"value\":\"EMAIL\"},"
        + "\"regime\":{\"value\":\"FOIA\"},\"subject\":{\"value\":\"Parking fines\"},"
        + "\"requestText\":{\"value\":\"How many parking fines did you issue in " + requester + "'s street?\"}}}";
  }

  private Map<String, Object> loggedBy(Answer started) throws Exception {
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();
    return engine.getRuntimeService().getVariables(instance);
  }

  /** A refusal a person reads: 400, the field named by its label, none of the engine's inside story. */
  private static String plainRefusal(Answer answer, String field) throws Exception {
    System.out.printf("refusal | %d | %s%n", answer.status(), answer.body());
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("errors").has(field)).as(answer.body()).isTrue();
    String message = problem.path("message").asText();
    assertThat(message).isEqualTo(problem.path("detail").asText())
        .doesNotContain("ENGINE-", "Exception", "Cannot instantiate", "Cannot submit", "TaskListener", "foi-request:",
            "org.", "java.");
    return message;
  }

  @Test
  void aStartFormTypedDayFirstThroughTheEngineRestApiLogsTheRightDay() throws Exception {
    Map<String, Object> logged = loggedBy(doors.engineRest("olivia", "POST",
        "/process-definition/key/foi-request/submit-form", startForm("Dora Dayfirst", "14/05/2026")));
    assertThat(logged).containsEntry("receivedOn", "2026-05-14").containsEntry("dueOn", "2026-06-12");
    assertThat((String) logged.get("reference")).startsWith("FOI-2026-");
  }

  @Test
  void aStartFormWithAnIsoDateStillLogsIt() throws Exception {
    Map<String, Object> logged = loggedBy(doors.engineRest("olivia", "POST",
        "/process-definition/key/foi-request/submit-form", startForm("Ivo Iso", "2026-05-14")));
    assertThat(logged).containsEntry("receivedOn", "2026-05-14").containsEntry("dueOn", "2026-06-12");
  }

  @Test
  void aStartFormTypedDayFirstInTasklistLogsTheRightDay() throws Exception {
    Map<String, Object> logged = loggedBy(doors.signIntoTasklist("olivia").call("POST",
        "/process-definition/key/foi-request/submit-form", startForm("Tess Tasklist", "1/12/2025")));
    assertThat(logged).containsEntry("receivedOn", "2025-12-01");
  }

  @Test
  void aDayThatDoesNotExistIsRefusedNamingTheFieldThroughEveryDoor() throws Exception {
    String message = plainRefusal(doors.engineRest("olivia", "POST", "/process-definition/key/foi-request/submit-form",
        startForm("Feb Thirtyone", "31/02/2026")), "receivedOn");
    assertThat(message).startsWith("Date received: must be a date");
    assertThat(plainRefusal(doors.signIntoTasklist("olivia").call("POST",
        "/process-definition/key/foi-request/submit-form", startForm("Month Thirteen", "2026-13-01")), "receivedOn"))
        .startsWith("Date received: must be a date");
    assertThatThrownBy(() -> FoiCase.logged(engine, FoiCase.aRequest("Java Api", today).putValue("receivedOn", "31/02/2026")))
        .isInstanceOf(CaseDataInvalidException.class).hasMessageContaining("receivedOn");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().variableValueLike("requesterName", "%Thirt%").count())
        .isZero();
  }

  @Test
  void aFutureDateIsRefusedInPlainWordsThroughEveryDoor() throws Exception {
    String tomorrow = today.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    String spokenToday = today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    String expected = "Date received: cannot be in the future (today is " + spokenToday + ")";
    assertThat(plainRefusal(doors.signIntoTasklist("olivia").call("POST",
        "/process-definition/key/foi-request/submit-form", startForm("Fay Future", tomorrow)), "receivedOn"))
        .isEqualTo(expected);
    assertThat(plainRefusal(doors.engineRest("olivia", "POST", "/process-definition/key/foi-request/submit-form",
        startForm("Fay Future", tomorrow)), "receivedOn")).isEqualTo(expected);
  }

  @Test
  void aTaskFormRefusedByItsContractNamesTheFieldsInPlainWordsThroughEveryDoor() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Tilly Triage", today));
    String triage = foi.task("Triage").getId();
    StaffDoors.Webapp tasklist = doors.signIntoTasklist("olivia");
    assertThat(tasklist.call("POST", "/task/" + triage + "/claim", "{\"userId\":\"olivia\"}").status()).isEqualTo(204);
    String emptyTriage = "{\"variables\":{\"regime\":{\"value\":\"FOIA\"}}}";
    assertThat(plainRefusal(tasklist.call("POST", "/task/" + triage + "/submit-form", emptyTriage), "validRequest"))
        .contains("Valid request under s.8: is required");
    assertThat(plainRefusal(doors.engineRest("olivia", "POST", "/task/" + triage + "/submit-form", emptyTriage),
        "validRequest")).contains("Valid request under s.8: is required");
  }

  @Test
  void aTaskDateTypedDayFirstIsKeptAsTheProcessReadsIt() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Quentin Opinion", today)).validAndHeld().located()
        .assessed("WITHHOLD", "s36").harmShown("WOULD_BE_LIKELY");
    String opinion = foi.task("QualifiedPersonOpinion").getId();
    String form = "{\"variables\":{\"qualifiedPerson\":{\"value\":\"Chief Constable\"},"
        + "\"qpOpinionDate\":{\"value\":\"%s\"},\"qpOpinionSummary\":{\"value\":\"Would inhibit.\"},"
        + "\"qpOpinionReasonable\":{\"value\":true}}}";
    assertThat(plainRefusal(doors.engineRest("amira", "POST", "/task/" + opinion + "/complete",
        form.formatted("30/02/2026")), "qpOpinionDate")).startsWith("Date the opinion was given: must be a date");
    Answer done = doors.engineRest("amira", "POST", "/task/" + opinion + "/complete", form.formatted("01/12/2025"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(foi.variable("qpOpinionDate")).isEqualTo("2025-12-01");
  }

  @Test
  void theFourEyesRuleRefusesInItsOwnWordsThroughTasklist() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Fern Foureyes", today)).validAndHeld().located()
        .assessed("FULL");
    String approval = foi.task("ApproveResponse").getId();
    engine.getIdentityService().createMembership(FoiCase.OFFICER, FoiGroups.APPROVERS);
    try {
      Answer claimed = doors.signIntoTasklist(FoiCase.OFFICER).call("POST", "/task/" + approval + "/claim",
          "{\"userId\":\"" + FoiCase.OFFICER + "\"}");
      System.out.printf("refusal | %d | %s%n", claimed.status(), claimed.body());
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
      assertThat(JSON.readTree(claimed.body()).path("message").asText())
          .startsWith("Four-eyes rule: olivia took part in the assessment of " + foi.reference())
          .doesNotContain("ENGINE-", "Exception", "TaskListener");
    } finally {
      engine.getIdentityService().deleteMembership(FoiCase.OFFICER, FoiGroups.APPROVERS);
    }
  }
}
