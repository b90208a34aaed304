package org.foiflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error route of foiflow's API and of the engine's REST API answers the one problem+json shape:
 * type, title, status, detail, message = detail, the named fields under errors, and nothing of an exception's
 * class, SQL or engine code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(OneProblemShapeTest.Failing.class)
class OneProblemShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "message");
  /** Beyond the shape: the path (Spring adds it), and the duplicate's and unknown case's reference. */
  private static final Set<String> OPTIONAL = Set.of("errors", "instance", "reference", "location");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  /** Fails the way nobody expected, with an exception whose text must never reach the caller. */
  @RestController
  static class Failing {
    @GetMapping("/api/test-only/failure")
    String fail() {
      throw new IllegalStateException("PreparedStatementCallback; SQL [INSERT INTO foi_case (x) VALUES (?)] ENGINE-03004");
    }
  }

  private record Route(String what, Answer answer, int status, String field) {
  }

  @Test
  void everyErrorRouteAnswersTheSameShape() throws Exception {
    if (engine.getIdentityService().createUserQuery().userId("nogroup").count() == 0) {
      User nobody = engine.getIdentityService().newUser("nogroup");
      nobody.setPassword("demo");
      engine.getIdentityService().saveUser(nobody);
    }
    StaffDoors doors = new StaffDoors(port, engine.getName());
    String request = """
        {"requester":{"name":"Sam Shape","email":"sam.shape@example.org","postalAddress":null},
         "receivedOn":"2026-11-02","channel":"EMAIL","regime":"FOIA","subject":"Shape %d",
         "request":"How many problem bodies did the council send in 2025?"}""".formatted(System.nanoTime());
    Answer logged = doors.foiflow("olivia", "POST", "/api/requests", request);
    assertThat(logged.status()).as(logged.body()).isEqualTo(201);

    List<Route> routes = new ArrayList<>();
    routes.add(new Route("fields refused", doors.foiflow("olivia", "POST", "/api/requests", "{}"), 400, null));
    routes.add(new Route("a bad enum", doors.foiflow("maya", "GET", "/api/deadlines?status=LATE", null), 400, "status"));
    routes.add(new Route("malformed JSON", doors.foiflow("olivia", "POST", "/api/requests", "{"), 400, "body"));
    routes.add(new Route("unknown user", doors.foiflow("nobody", "GET", "/api/deadlines", null), 401, null));
    routes.add(new Route("not in the FOI team", doors.foiflow("nogroup", "GET", "/api/deadlines", null), 403, null));
    routes.add(new Route("unknown case", doors.foiflow("maya", "GET", "/api/requests/FOI-1999-99999", null), 404, null));
    routes.add(new Route("unknown address", doors.foiflow("maya", "GET", "/api/no-such-thing", null), 404, null));
    routes.add(new Route("wrong method", doors.foiflow("maya", "DELETE", "/api/deadlines", null), 405, null));
    routes.add(new Route("duplicate", doors.foiflow("olivia", "POST", "/api/requests", request), 409, "request"));
    routes.add(new Route("not JSON", plainText("olivia", "/api/requests"), 415, "Content-Type"));
    routes.add(new Route("unexpected", doors.foiflow("maya", "GET", "/api/test-only/failure", null), 500, null));
    routes.add(new Route("engine: bad sort", doors.engineRest("maya", "GET", "/task?sortBy=nonsense&sortOrder=asc", null), 400, null));
    routes.add(new Route("engine: admin only", doors.engineRest("maya", "POST", "/user/create",
        "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"Secret-1234567\"}}"), 403, null));
    routes.add(new Route("engine: no such task", doors.engineRest("maya", "GET", "/task/no-such-task", null), 404, null));

    for (Route route : routes) {
      Answer answer = route.answer();
      System.out.printf("problem shape | %-22s | %d | %s%n", route.what(), answer.status(), answer.body());
      assertThat(answer.status()).as(route.what() + ": " + answer.body()).isEqualTo(route.status());
      assertThat(answer.headers().firstValue("Content-Type")).as(route.what())
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode body = JSON.readTree(answer.body());
      List<String> names = new ArrayList<>();
      body.fieldNames().forEachRemaining(names::add);
      assertThat(names).as(route.what()).containsAll(MEMBERS);
      assertThat(names).as(route.what()).allMatch(name -> MEMBERS.contains(name) || OPTIONAL.contains(name));
      assertThat(body.path("status").asInt()).as(route.what()).isEqualTo(route.status());
      assertThat(body.path("type").asText()).as(route.what()).matches("about:blank|https://.+");
      assertThat(body.path("title").asText()).as(route.what()).isNotBlank();
      assertThat(body.path("detail").asText()).as(route.what()).isNotBlank();
      assertThat(body.path("message").asText()).as(route.what()).isEqualTo(body.path("detail").asText());
      if (route.field() != null) {
        assertThat(body.path("errors").has(route.field())).as(route.what() + ": " + answer.body()).isTrue();
      }
      if (body.has("errors")) {
        assertThat(body.path("errors").isObject()).as(route.what()).isTrue();
      }
      assertThat(answer.body()).as(route.what())
          .doesNotContain("Exception", "SQL", "INSERT", "ENGINE-", "org.camunda", "java.", "foi_case");
    }
    assertThat(routes.get(0).answer().body()).contains("\"errors\"");
    JsonNode duplicate = JSON.readTree(routes.get(8).answer().body());
    assertThat(duplicate.path("reference").asText()).startsWith("FOI-");
  }

  private HttpRequest.Builder as(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
  }

  private Answer plainText(String user, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(as(user, path)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }
}
