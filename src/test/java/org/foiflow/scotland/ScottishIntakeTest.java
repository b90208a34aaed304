package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.security.StaffDoors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A Scottish authority logs requests under FOISA and the EISR, and refuses the UK's Act and Regulations. */
@ScottishAuthority
class ScottishIntakeTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> log(String regimeField, String request) throws Exception {
    String body = "{\"requester\":{\"name\":\"Morag Steele\",\"email\":\"morag@example.scot\"}," + regimeField
        + "\"request\":\"" + request + "\"}";
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/requests", "POST", body, "olivia",
        "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestThatNamesNoRegimeIsLoggedUnderFoisa() throws Exception {
    HttpResponse<String> created = log("", "The gritting routes of the council for winter 2026 to 2027.");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("regime").asText()).isEqualTo("FOISA");
  }

  @Test
  void anEnvironmentalRequestIsLoggedUnderTheEisr() throws Exception {
    HttpResponse<String> created = log("\"regime\":\"EISR\",", "Air quality readings on Leith Walk in 2026.");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("regime").asText()).isEqualTo("EISR");
  }

  @Test
  void theUkActAndRegulationsAreRefusedWithTheReason() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    for (String uk : new String[] {"FOIA", "EIR"}) {
      HttpResponse<String> refused = log("\"regime\":\"" + uk + "\",", "Bin collections in " + uk + " terms.");

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(refused.body());
      assertThat(problem.path("errors").path("regime").asText())
          .contains("not the law of a Scottish public authority", "Freedom of Information (Scotland) Act 2002");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theUkActIsRefusedThroughTheEngineRestApiAndTasklistToo() throws Exception {
    StaffDoors doors = new StaffDoors(port, engine.getName());
    String startForm = "{\"variables\":{\"requesterName\":{\"value\":\"Ailsa Start\"},"
        + "\"requesterEmail\":{\"value\":\"ailsa@example.scot\"},\"channel\":{\"value\":\"EMAIL\"},"
        + "\"regime\":{\"value\":\"FOIA\"},\"subject\":{\"value\":\"Ferries\"},"
        + "\"requestText\":{\"value\":\"The ferry timetables the council holds for 2027.\"}}}";
    long before = runtimeService.createProcessInstanceQuery().count();
    for (StaffDoors.Answer refused : new StaffDoors.Answer[] {
        doors.engineRest("olivia", "POST", "/process-definition/key/foi-request/submit-form", startForm),
        doors.signIntoTasklist("olivia").call("POST", "/process-definition/key/foi-request/submit-form", startForm)}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(json.readTree(refused.body()).path("errors").path("regime").asText())
          .contains("not the law of a Scottish public authority");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void welshLettersAreNotOfferedUnderTheScottishAct() throws Exception {
    HttpResponse<String> refused = log("\"language\":\"cy\",", "Ferry timetables for 2027.");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").path("language").asText()).contains("Welsh");
  }
}
