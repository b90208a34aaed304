package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer records the requester's clarification or fee through foiflow's API (the engine's message API is
 * for administrators): the stopped clock restarts by the Act's rules and the case goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequesterAnswersApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  private StaffDoors doors() {
    return new StaffDoors(port, engine.getName());
  }

  @Test
  void clarificationRecordedByAnOfficerStartsTwentyNewWorkingDays() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Clara Fye", today))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which years do you mean?"));
    Answer tomorrow = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/clarification",
        "{\"receivedOn\":\"" + today.plusDays(1) + "\",\"clarifiedRequest\":\"2024 and 2025 only.\"}");
    assertThat(tomorrow.status()).isEqualTo(400);
    assertThat(JSON.readTree(tomorrow.body()).path("errors").has("receivedOn")).as(tomorrow.body()).isTrue();

    Answer clarified = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/clarification",
        "{\"receivedOn\":\"" + today + "\",\"clarifiedRequest\":\"  2024 and 2025 only. \"}");
    assertThat(clarified.status()).as(clarified.body()).isEqualTo(200);
    JsonNode status = JSON.readTree(clarified.body());
    assertThat(status.path("dueOn").asText()).isEqualTo(statutoryClock.responseDue(today).toString());
    assertThat(status.path("clock").asText()).isEqualTo("RUNNING");
    assertThat(foi.variable("requestText")).isEqualTo("2024 and 2025 only.");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Triage");

    Answer twice = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/clarification",
        "{\"clarifiedRequest\":\"again\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(JSON.readTree(twice.body()).path("errors").has("reference")).isTrue();
  }

  @Test
  void feeRecordedByAnOfficerResumesTheClock() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Fay Payer", today))
        .triagedAs(Map.of("feesPayable", true, "feePounds", 12.5, "feeDetails", "Copying 250 pages at 5p a page"));
    Answer visitor = doors().foiflow("maya", "POST", "/api/requests/" + foi.reference() + "/fee", "{}");
    assertThat(visitor.status()).as("managers read cases; officers record answers").isEqualTo(403);

    Answer paid = doors().foiflow("olivia", "POST", "/api/requests/" + foi.reference() + "/fee", "{}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(foi.variable("feeReceivedOn")).isEqualTo(today.toString());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("LocateInformation");
  }
}
