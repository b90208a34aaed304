package org.foiflow.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Linked cases through /api/requests/{reference}/links: shown from both ends, officers' rules, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CaseLinksApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseLinks caseLinks;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private String a;
  private String b;

  @BeforeEach
  void twoCases() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    a = FoiCase.logged(engine, FoiCase.aRequest("Ada Linked", today)).reference();
    b = FoiCase.logged(engine, FoiCase.aRequest("Ben Linked", today)).reference();
  }

  @Test
  void aRelatedLinkShowsFromBothEnds() throws Exception {
    HttpResponse<String> created = call("POST", "/api/requests/" + a + "/links", "olivia",
        "{\"reference\":\"" + b + "\",\"kind\":\"RELATED\",\"note\":\"Same car park\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("label").asText()).isEqualTo("Related to");

    JsonNode fromA = links(a, "olivia");
    assertThat(fromA).hasSize(1);
    assertThat(fromA.get(0).get("reference").asText()).isEqualTo(b);
    assertThat(fromA.get(0).get("kind").asText()).isEqualTo("RELATED");
    assertThat(fromA.get(0).get("label").asText()).isEqualTo("Related to");
    assertThat(fromA.get(0).get("recordedBy").asText()).isEqualTo("olivia");
    assertThat(fromA.get(0).get("note").asText()).isEqualTo("Same car park");
    assertThat(fromA.get(0).get("recordedAt").asText()).isNotBlank();
    JsonNode fromB = links(b, "amira");
    assertThat(fromB.get(0).get("reference").asText()).isEqualTo(a);
    assertThat(fromB.get(0).get("label").asText()).isEqualTo("Related to");
  }

  @Test
  void aReviewIsAReviewOfFromItsSideAndReviewedInFromTheOriginals() throws Exception {
    assertThat(call("POST", "/api/requests/" + b + "/links", "maya",
        "{\"reference\":\"" + a + "\",\"kind\":\"REVIEW_OF\"}").statusCode()).isEqualTo(201);
    assertThat(links(b, "olivia").get(0).get("label").asText()).isEqualTo("Review of");
    assertThat(links(a, "olivia").get(0).get("label").asText()).isEqualTo("Reviewed in");
    assertThat(links(a, "olivia").get(0).get("reference").asText()).isEqualTo(b);
  }

  @Test
  void badLinksAreRefusedNamingTheField() throws Exception {
    String path = "/api/requests/" + a + "/links";
    refused("POST", path, "{\"reference\":\"" + b + "\",\"kind\":\"FRIENDS\"}", 400, "kind");
    refused("POST", path, "{\"reference\":\"" + b + "\",\"kind\":\"ROUND_ROBIN\"}", 400, "kind");
    refused("POST", path, "{\"reference\":\"" + b + "\"}", 400, "kind");
    refused("POST", path, "{\"reference\":\"" + a + "\",\"kind\":\"RELATED\"}", 400, "reference");
    refused("POST", path, "{\"reference\":\"FOI-2026-99999\",\"kind\":\"RELATED\"}", 400, "reference");
    refused("POST", path, "{\"kind\":\"RELATED\"}", 400, "reference");
    refused("POST", path, "{\"reference\":\"" + b + "\",\"kind\":\"RELATED\",\"note\":\"" + "n".repeat(501) + "\"}", 400, "note");
    refused("POST", "/api/requests/FOI-2026-99999/links", "{\"reference\":\"" + b + "\",\"kind\":\"RELATED\"}", 404, "reference");
    refused("GET", "/api/requests/FOI-2026-99999/links", null, 404, "reference");
    assertThat(links(a, "olivia")).isEmpty();

    // recorded once, whichever end asks again
    assertThat(call("POST", path, "olivia", "{\"reference\":\"" + b + "\",\"kind\":\"RELATED\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> again = call("POST", "/api/requests/" + b + "/links", "olivia",
        "{\"reference\":\"" + a + "\",\"kind\":\"RELATED\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("detail").asText()).contains("already linked");
    assertThat(links(a, "olivia")).hasSize(1);
  }

  @Test
  void anOfficersLinkIsRemovedButALinkTheProcessRecordedStays() throws Exception {
    call("POST", "/api/requests/" + a + "/links", "olivia", "{\"reference\":\"" + b + "\",\"kind\":\"COMPLAINT_ABOUT\"}");
    // removed from the other end
    assertThat(call("DELETE", "/api/requests/" + b + "/links/" + a + "/COMPLAINT_ABOUT", "maya", null).statusCode())
        .isEqualTo(204);
    assertThat(links(a, "olivia")).isEmpty();
    refused("DELETE", "/api/requests/" + a + "/links/" + b + "/COMPLAINT_ABOUT", null, 404, "detail");
    refused("DELETE", "/api/requests/" + a + "/links/" + b + "/FRIENDS", null, 400, "kind");

    caseLinks.link(b, a, LinkKind.ROUND_ROBIN, "foiflow", null);
    HttpResponse<String> kept = call("DELETE", "/api/requests/" + a + "/links/" + b + "/ROUND_ROBIN", "olivia", null);
    assertThat(kept.statusCode()).isEqualTo(409);
    assertThat(json.readTree(kept.body()).get("detail").asText()).contains("cannot be removed");
    assertThat(links(a, "olivia").get(0).get("label").asText()).isEqualTo("Round robin with");
  }

  @Test
  void approversReadLinksButOnlyOfficersAndManagersWriteThemAndUnitMembersSeeNothing() throws Exception {
    String link = "{\"reference\":\"" + b + "\",\"kind\":\"RELATED\"}";
    assertThat(call("POST", "/api/requests/" + a + "/links", "amira", link).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/requests/" + a + "/links", FoiCase.HIGHWAYS_MEMBER, link).statusCode()).isEqualTo(403);
    assertThat(links(a, "amira")).isEmpty();
    assertThat(call("POST", "/api/requests/" + a + "/links", "olivia", link).statusCode()).isEqualTo(201);
    HttpResponse<String> unitMember = call("GET", "/api/requests/" + a + "/links", FoiCase.HIGHWAYS_MEMBER, null);
    assertThat(unitMember.statusCode()).isEqualTo(403);
    assertThat(unitMember.body()).doesNotContain(b);
    assertThat(call("DELETE", "/api/requests/" + a + "/links/" + b + "/RELATED", "amira", null).statusCode()).isEqualTo(403);
    assertThat(links(a, "olivia")).hasSize(1);
  }

  private void refused(String method, String path, String body, int status, String names) throws Exception {
    HttpResponse<String> response = call(method, path, "olivia", body);
    assertThat(response.statusCode()).as(path + " " + body + ": " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("errors").has(names) || problem.has(names)).as(response.body()).isTrue();
  }

  private JsonNode links(String reference, String user) throws Exception {
    HttpResponse<String> response = call("GET", "/api/requests/" + reference + "/links", user, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("items");
  }

  private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, user, "demo").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
