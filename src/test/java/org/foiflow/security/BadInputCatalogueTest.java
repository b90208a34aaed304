package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalogue of bad input, over HTTP against the running app: each gets a specific 4xx whose body names
 * what is wrong, and afterwards the database holds exactly what it held before (process instances, tasks,
 * variables, history, case index).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

  record Bad(String what, String method, String path, String contentType, String body, String user,
             int status, String names) {
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private String openCase;
  private String closedCase;
  private String eirCase;
  private String triageTask;
  private String completedTask;
  private String approvalAssessedByOlivia;

  @BeforeAll
  void casesToSpoil() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Open Case", today));
    openCase = open.reference();
    triageTask = open.task("Triage").getId();
    FoiCase closed = FoiCase.logged(engine, FoiCase.aRequest("Closed Case", today))
        .triagedAs(Map.of("informationHeld", false));
    completedTask = closed.task("ApproveResponse").getId();
    closed.approved();
    closedCase = closed.reference();
    approvalAssessedByOlivia = FoiCase.logged(engine, FoiCase.aRequest("Assessed Case", today)).validAndHeld().located()
        .assessed("FULL").task("ApproveResponse").getId();
    var eir = FoiCase.aRequest("Eir Case", today);
    eir.putValue("regime", "EIR");
    eirCase = FoiCase.logged(engine, eir).reference();
  }

  private List<Bad> catalogue() {
    String json = "application/json";
    String future = LocalDate.now().plusDays(5).toString();
    // each test context's engine has its own name; the engine's REST API addresses it by that name
    String rest = "/engine-rest/engine/" + engine.getName();
    String ok = "\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"x\"";
    List<Bad> bad = new ArrayList<>();
    // intake API
    bad.add(new Bad("malformed JSON", "POST", "/api/requests", json, "{\"requester\": ", "olivia", 400, "body"));
    bad.add(new Bad("empty body", "POST", "/api/requests", json, "", "olivia", 400, "body"));
    bad.add(new Bad("a JSON array", "POST", "/api/requests", json, "[1,2]", "olivia", 400, "body"));
    bad.add(new Bad("no requester", "POST", "/api/requests", json, "{\"request\":\"x\"}", "olivia", 400, "requester"));
    bad.add(new Bad("requester is text", "POST", "/api/requests", json, "{\"requester\":\"Ann\",\"request\":\"x\"}", "olivia", 400, "requester"));
    bad.add(new Bad("no name", "POST", "/api/requests", json, "{\"requester\":{\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("blank name", "POST", "/api/requests", json, "{\"requester\":{\"name\":\" \",\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("name is a list", "POST", "/api/requests", json, "{\"requester\":{\"name\":[1],\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("no request", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"}}", "olivia", 400, "request"));
    bad.add(new Bad("request is an object", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":{}}", "olivia", 400, "request"));
    bad.add(new Bad("no address for correspondence", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\"},\"request\":\"x\"}", "olivia", 400, "requester.email"));
    bad.add(new Bad("not an email", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"nope\"},\"request\":\"x\"}", "olivia", 400, "requester.email"));
    bad.add(new Bad("received in the future", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"" + future + "\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("impossible date", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"2026-02-30\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("British date format", "POST", "/api/requests", json, "{" + ok + ",\"receivedOn\":\"02/11/2026\"}", "olivia", 400, "receivedOn"));
    bad.add(new Bad("unknown regime", "POST", "/api/requests", json, "{" + ok + ",\"regime\":\"GDPR\"}", "olivia", 400, "regime"));
    bad.add(new Bad("unknown channel", "POST", "/api/requests", json, "{" + ok + ",\"channel\":\"FAX\"}", "olivia", 400, "channel"));
    bad.add(new Bad("oversized name", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"" + "N".repeat(201) + "\",\"email\":\"a@b.org\"},\"request\":\"x\"}", "olivia", 400, "requester.name"));
    bad.add(new Bad("oversized address", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"postalAddress\":\"" + "a".repeat(501) + "\"},\"request\":\"x\"}", "olivia", 400, "requester.postalAddress"));
    bad.add(new Bad("oversized request", "POST", "/api/requests", json, "{\"requester\":{\"name\":\"A\",\"email\":\"a@b.org\"},\"request\":\"" + "x".repeat(20001) + "\"}", "olivia", 400, "request"));
    bad.add(new Bad("form-encoded body", "POST", "/api/requests", "application/x-www-form-urlencoded", "name=A", "olivia", 415, "Content-Type"));
    bad.add(new Bad("unknown reference", "GET", "/api/requests/FOI-2026-99999", json, null, "olivia", 404, "reference"));
    // deadline view and extensions
    bad.add(new Bad("unknown deadline status", "GET", "/api/deadlines?status=LATE", json, null, "maya", 400, "status"));
    bad.add(new Bad("page size zero", "GET", "/api/deadlines?size=0", json, null, "maya", 400, "parameters"));
    bad.add(new Bad("unknown sort", "GET", "/api/deadlines?sort=requester", json, null, "maya", 400, "sort"));
    bad.add(new Bad("extension without reason", "POST", "/api/requests/" + openCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "reason"));
    bad.add(new Bad("extension of unknown kind", "POST", "/api/requests/" + openCase + "/extension", json, "{\"kind\":\"FOREVER\",\"reason\":\"r\"}", "olivia", 400, "kind"));
    bad.add(new Bad("extension of a closed case", "POST", "/api/requests/" + closedCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"r\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "reference"));
    bad.add(new Bad("public interest extension of an EIR case", "POST", "/api/requests/" + eirCase + "/extension", json, "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"r\",\"exemption\":\"s31\",\"extendedDueOn\":\"2027-06-01\"}", "olivia", 400, "kind"));
    bad.add(new Bad("extension of an unknown case", "POST", "/api/requests/FOI-2026-99999/extension", json, "{\"kind\":\"EIR_COMPLEX\",\"reason\":\"r\"}", "olivia", 404, "reference"));
    // the process through the engine's REST API
    bad.add(new Bad("triage completed with nothing", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{}}", "olivia", 400, "validRequest"));
    bad.add(new Bad("triage with an unknown regime", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"GDPR\"}}}", "olivia", 400, "regime"));
    bad.add(new Bad("triage with hours as words", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":\"lots\"}}}", "olivia", 400, "estimatedHours"));
    bad.add(new Bad("triage with negative hours", "POST", rest + "/task/" + triageTask + "/complete", json, "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},\"estimatedHours\":{\"value\":-3}}}", "olivia", 400, "estimatedHours"));
    bad.add(new Bad("start form without a name", "POST", rest + "/process-definition/key/foi-request/submit-form", json, "{\"variables\":{\"requesterEmail\":{\"value\":\"a@b.org\"},\"requestText\":{\"value\":\"x\"}}}", "olivia", 400, "requester.name"));
    bad.add(new Bad("start form with a broken email", "POST", rest + "/process-definition/key/foi-request/submit-form", json, "{\"variables\":{\"requesterName\":{\"value\":\"A\"},\"requesterEmail\":{\"value\":\"a <b>@c\"},\"requestText\":{\"value\":\"x\"}}}", "olivia", 400, "requester.email"));
    bad.add(new Bad("the approval handed to an officer", "POST", rest + "/task/" + approvalAssessedByOlivia + "/assignee", json, "{\"userId\":\"olivia\"}", "amira", 403, "is worked by foi-approvers; olivia is not one of them"));
    bad.add(new Bad("a task completed twice", "POST", rest + "/task/" + completedTask + "/complete", json, "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}", "amira", 404, "message"));
    // the requester's answers
    bad.add(new Bad("clarification for a closed case", "POST", "/api/requests/" + closedCase + "/clarification", json, "{\"clarifiedRequest\":\"x\"}", "olivia", 400, "reference"));
    bad.add(new Bad("clarification without the clarified request", "POST", "/api/requests/" + openCase + "/clarification", json, "{}", "olivia", 400, "clarifiedRequest"));
    bad.add(new Bad("fee for a case that asked none", "POST", "/api/requests/" + openCase + "/fee", json, "{}", "olivia", 400, "reference"));
    bad.add(new Bad("fee for an unknown case", "POST", "/api/requests/FOI-2026-99999/fee", json, "{}", "olivia", 404, "reference"));
    bad.add(new Bad("a message through the engine's API", "POST", rest + "/message", json, "{\"messageName\":\"FeeReceived\",\"businessKey\":\"" + openCase + "\"}", "olivia", 403, "detail"));
    return bad;
  }

  private Map<String, Long> databaseState() {
    return Map.of(
        "process instances", engine.getRuntimeService().createProcessInstanceQuery().count(),
        "tasks", engine.getTaskService().createTaskQuery().count(),
        "variables", engine.getRuntimeService().createVariableInstanceQuery().count(),
        "historic instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
        "historic variables", engine.getHistoryService().createHistoricVariableInstanceQuery().count(),
        "case index", jdbc.queryForObject("SELECT COUNT(*) FROM foi_case", Long.class),
        "jobs", engine.getManagementService().createJobQuery().count());
  }

  @TestFactory
  List<DynamicTest> everyBadInputIsRefusedByNameAndChangesNothing() {
    List<Bad> catalogue = catalogue();
    assertThat(catalogue).hasSizeGreaterThanOrEqualTo(30);
    return catalogue.stream().map(bad -> DynamicTest.dynamicTest(bad.what(), () -> {
      Map<String, Long> before = databaseState();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
          .header("Content-Type", bad.contentType())
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((bad.user() + ":demo").getBytes()))
          .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(bad.body()));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      System.out.printf("bad input | %-45s | %d | %s%n", bad.what(), response.statusCode(),
          response.body().length() > 160 ? response.body().substring(0, 160) : response.body());
      assertThat(response.statusCode()).as(bad.what() + ": " + response.body()).isEqualTo(bad.status());
      JsonNode body = json.readTree(response.body());
      boolean named = body.path("errors").has(bad.names()) || body.has(bad.names())
          || body.path("message").asText().contains(bad.names());
      assertThat(named).as(bad.what() + " names " + bad.names() + ": " + response.body()).isTrue();
      assertThat(databaseState()).as(bad.what() + " changed nothing").isEqualTo(before);
    })).toList();
  }

  @TestFactory
  List<DynamicTest> theSameRequestSubmittedTwiceIsOneCase() {
    return List.of(DynamicTest.dynamicTest("duplicate submission", () -> {
      String body = "{\"requester\":{\"name\":\"Dee Plicate\",\"email\":\"dee@example.org\"},"
          + "\"receivedOn\":\"2026-11-02\",\"request\":\"The gritting routes for winter 2026.\"}";
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("olivia:demo".getBytes()))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(201);
      Map<String, Long> before = databaseState();
      HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.printf("bad input | %-45s | %d | %s%n", "duplicate submission", second.statusCode(), second.body());
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(json.readTree(second.body()).get("reference").asText())
          .isEqualTo(json.readTree(first.body()).get("reference").asText());
      assertThat(databaseState()).isEqualTo(before);
    }));
  }
}
