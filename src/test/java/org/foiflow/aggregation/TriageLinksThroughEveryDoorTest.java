package org.foiflow.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.links.CaseLinks;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Triage task refuses a request to aggregate with that triage did not offer, whatever the door: Tasklist's
 * engine API and the engine's REST API answer 400 problem+json naming aggregateWith in plain words, and the task
 * stays open with no link recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TriageLinksThroughEveryDoorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseLinks links;

  private static String refusal(Answer answer, String field) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("errors").has(field)).as(answer.body()).isTrue();
    String message = problem.path("detail").asText();
    assertThat(message).doesNotContain("ENGINE-", "Exception", "TaskListener", "org.", "java.");
    return message;
  }

  @Test
  void aggregatingAnUnrelatedRequestIsRefusedNamingTheFieldThroughEveryDoor() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    VariableMap unrelatedRequest = FoiCase.aRequest("Una Elsewhere", today).putValue("subject", "Tree felling")
        .putValue("requestText", "How many council trees were felled in Oakhurst in 2025, and why?");
    FoiCase unrelated = FoiCase.logged(engine, unrelatedRequest);
    VariableMap request = FoiCase.aRequest("Dora Doors", today).putValue("subject", "Swimming pool opening hours")
        .putValue("requestText", "Please send the opening hours of every council swimming pool since 2022.");
    FoiCase foi = FoiCase.logged(engine, request);
    String triage = foi.task("Triage").getId();
    StaffDoors doors = new StaffDoors(port, engine.getName());
    StaffDoors.Webapp tasklist = doors.signIntoTasklist(FoiCase.OFFICER);
    assertThat(tasklist.call("POST", "/task/" + triage + "/claim", "{\"userId\":\"olivia\"}").status()).isEqualTo(204);
    String answers = ("{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"validRequest\":{\"value\":true},"
        + "\"subjectAccessRequest\":{\"value\":false},\"clarificationNeeded\":{\"value\":false},"
        + "\"vexatious\":{\"value\":false},\"repeatedRequest\":{\"value\":false},\"informationHeld\":{\"value\":true},"
        + "\"feesPayable\":{\"value\":false},\"estimatedHours\":{\"value\":3},"
        + "\"aggregateWith\":{\"value\":\"[\\\"%s\\\"]\",\"type\":\"Json\"}}}").formatted(unrelated.reference());

    assertThat(refusal(tasklist.call("POST", "/task/" + triage + "/submit-form", answers), "aggregateWith"))
        .contains(unrelated.reference(), "choose from the form's list");
    assertThat(refusal(doors.engineRest(FoiCase.OFFICER, "POST", "/task/" + triage + "/complete", answers),
        "aggregateWith")).contains(unrelated.reference());
    assertThat(foi.task("Triage").getId()).isEqualTo(triage);
    assertThat(links.of(foi.reference())).isEmpty();
  }
}
