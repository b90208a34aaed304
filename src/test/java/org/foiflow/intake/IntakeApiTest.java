package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.http.BasicAuthCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The intake API over real HTTP against the running app, with real Camunda users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class IntakeApiTest {

  private static final String VALID = """
      {"requester":{"name":"Sam Citizen","email":"sam@example.org","postalAddress":null},
       "receivedOn":"2026-11-02","channel":"EMAIL","regime":"FOIA","subject":"Pothole repairs",
       "request":"How many potholes did the council repair in 2025?"}""";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  StatutoryClock statutoryClock;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, user, "demo").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anOfficerLogsARequestAndItWaitsForTriage() throws Exception {
    HttpResponse<String> created = call("POST", "/api/requests", VALID, "olivia");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String reference = body.get("reference").asText();
    assertThat(reference).matches("FOI-2026-\\d{5}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/requests/" + reference);
    assertThat(body.get("receivedOn").asText()).isEqualTo("2026-11-02");
    assertThat(body.get("dueOn").asText())
        .isEqualTo(statutoryClock.responseDue(LocalDate.of(2026, 11, 2)).toString());
    assertThat(body.get("processInstanceId").asText()).isNotBlank();

    // the case's own task: its letters to post (no SMTP in the tests) are tasks of letter-by-post, same business key
    assertThat(taskService.createTaskQuery().processDefinitionKey(FoiRequest.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult().getName())
        .isEqualTo("Triage – " + reference);

    HttpResponse<String> shown = call("GET", "/api/requests/" + reference, null, "olivia");
    assertThat(shown.statusCode()).isEqualTo(200);
    JsonNode status = json.readTree(shown.body());
    assertThat(status.get("stage").get(0).asText()).isEqualTo("Triage");
    assertThat(status.get("clock").asText()).isEqualTo("RUNNING");
    assertThat(status.has("outcome")).isFalse();
  }

  @Test
  void receivedOnDefaultsToTodayAndRegimeToFoia() throws Exception {
    HttpResponse<String> created = call("POST", "/api/requests",
        "{\"requester\":{\"name\":\"Kim\",\"postalAddress\":\"1 High Street, Anytown\"},\"request\":\"Bin collection data\"}",
        "olivia");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    assertThat(body.get("receivedOn").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
    assertThat(body.get("regime").asText()).isEqualTo("FOIA");
  }

  @Test
  void anUnknownReferenceIsNotFound() throws Exception {
    HttpResponse<String> response = call("GET", "/api/requests/FOI-1999-00001", null, "olivia");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).get("reference").asText()).isEqualTo("FOI-1999-00001");
  }

  @Test
  void noCredentialsAreRefused() throws Exception {
    assertThat(call("POST", "/api/requests", VALID, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    // another user than the rest of this class: Camunda delays a user's next login after a failed one
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests/FOI-2026-00001"))
        .header("Authorization", BasicAuthCalls.authorization("arthur", "wrong"))
        .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  static Stream<Arguments> badRequests() {
    String future = LocalDate.now().plusDays(3).toString();
    return Stream.of(
        Arguments.of("malformed JSON", "{\"requester\": ", "body"),
        Arguments.of("no requester", "{\"request\":\"x\"}", "requester"),
        Arguments.of("no name", "{\"requester\":{\"email\":\"a@b.org\"},\"request\":\"x\"}", "requester.name"),
        Arguments.of("blank name", "{\"requester\":{\"name\":\"  \",\"email\":\"a@b.org\"},\"request\":\"x\"}", "requester.name"),
        Arguments.of("no request", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"}}", "request"),
        Arguments.of("no email or address", "{\"requester\":{\"name\":\"A\"},\"request\":\"x\"}", "requester.email"),
        Arguments.of("bad email", "{\"requester\":{\"name\":\"A\",\"email\":\"not-an-email\"},\"request\":\"x\"}", "requester.email"),
        Arguments.of("future receipt", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"receivedOn\":\"" + future + "\"}", "receivedOn"),
        Arguments.of("impossible date", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"receivedOn\":\"2026-02-30\"}", "receivedOn"),
        Arguments.of("unknown regime", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"regime\":\"GDPR\"}", "regime"),
        Arguments.of("the Scottish Act", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"regime\":\"FOISA\"}", "regime"),
        Arguments.of("the Scottish Regulations", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"regime\":\"EISR\"}", "regime"),
        Arguments.of("unknown language", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"language\":\"fr\"}", "language"),
        Arguments.of("unknown channel", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\",\"channel\":\"FAX\"}", "channel"),
        Arguments.of("name of wrong type", "{\"requester\":{\"name\":[1,2],\"email\":\"a@b.org\"},\"request\":\"x\"}", "requester.name"),
        Arguments.of("oversized name", "{\"requester\":{\"name\":\"" + "A".repeat(201) + "\",\"email\":\"a@b.org\"},\"request\":\"x\"}", "requester.name"),
        Arguments.of("oversized request", "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"" + "x".repeat(20001) + "\"}", "request"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputIsAProblemNamingTheFieldAndStartsNothing(String what, String body, String field) throws Exception {
    long casesBefore = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> response = call("POST", "/api/requests", body, "olivia");
    assertThat(response.statusCode()).as(what).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("errors").has(field)).as(what + ": " + response.body()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(casesBefore);
  }
}
