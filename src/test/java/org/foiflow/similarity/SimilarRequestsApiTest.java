package org.foiflow.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.Outsider;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * GET /api/requests/{reference}/similar against the whole application, with cases worked through the real engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SimilarRequestsApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  @Test
  void similarRequestWithPrecedent() throws Exception {
    FoiCase earlier = FoiCase.logged(engine, FoiCase.aRequest("Rhiannon Precedent", LocalDate.of(2026, 3, 2))
            .putValue("requestText", "Please provide the locations of the covert speed enforcement vans used by the"
                + " force on the Brecon bypass and how often each site was watched in 2025."))
        .validAndHeld().located().assessed("WITHHOLD", "s31")
        .harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD").approved();
    FoiCase reworded = FoiCase.logged(engine, FoiCase.aRequest("Gethin Later", LocalDate.of(2026, 11, 2))
        .putValue("requestText", "Where on the Brecon bypass were the force's covert speed enforcement vans"
            + " deployed during 2025, and how often was each location watched?"));

    HttpResponse<String> answer = get("/api/requests/" + reworded.reference() + "/similar?limit=5", "olivia");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode first = json.readTree(answer.body()).get("items").get(0);
    assertThat(first.get("reference").asText()).isEqualTo(earlier.reference());
    assertThat(first.get("similarity").asDouble()).isGreaterThan(0.6).isLessThanOrEqualTo(1.0);
    assertThat(first.get("similarity").asText()).matches("0\\.\\d{1,2}|1(\\.0+)?");
    assertThat(first.get("sameRequester").asBoolean()).isFalse();
    assertThat(first.get("receivedOn").asText()).isEqualTo("2026-03-02");
    assertThat(first.get("outcome").asText()).isNotBlank();
    assertThat(first.get("exemptions")).extracting(JsonNode::asText).anyMatch(code -> code.toUpperCase().startsWith("S31"));
    String letterUrl = first.get("letterUrl").asText();
    assertThat(letterUrl).startsWith("/api/requests/" + earlier.reference() + "/letters/").endsWith(".pdf");
    HttpResponse<String> letter = get(letterUrl, "olivia");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
    // the case itself is never similar to itself
    assertThat(json.readTree(answer.body()).get("items")).extracting(item -> item.get("reference").asText())
        .doesNotContain(reworded.reference());
  }

  @Test
  void aCaseWithNoAnswerYetHasNoLetterAndTheSameRequesterIsMarked() throws Exception {
    FoiCase first = FoiCase.logged(engine, FoiCase.aRequest("Sam Same", LocalDate.of(2026, 10, 1))
        .putValue("requestText", "How many otters were counted in the Tamar estuary survey of 2025?"));
    FoiCase second = FoiCase.logged(engine, FoiCase.aRequest("Sam Same", LocalDate.of(2026, 10, 5))
        .putValue("requestText", "Please send the otter count from the 2025 Tamar estuary survey."));

    JsonNode item = json.readTree(get("/api/requests/" + second.reference() + "/similar", "maya").body())
        .get("items").get(0);
    assertThat(item.get("reference").asText()).isEqualTo(first.reference());
    assertThat(item.get("sameRequester").asBoolean()).isTrue();
    assertThat(item.get("letterUrl").isNull()).isTrue();
    assertThat(item.get("outcome").isNull()).isTrue();
    assertThat(item.get("exemptions")).isEmpty();
  }

  @Test
  void aLimitOutsideOneToFiftyIsRefusedNamingIt() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Lima Limit", LocalDate.of(2026, 10, 1)));
    for (String limit : new String[] {"0", "51", "-3"}) {
      HttpResponse<String> refused = get("/api/requests/" + foi.reference() + "/similar?limit=" + limit, "olivia");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("limit");
    }
    assertThat(get("/api/requests/" + foi.reference() + "/similar?limit=ten", "olivia").statusCode()).isEqualTo(400);
  }

  @Test
  void anUnknownCaseIsNotFound() throws Exception {
    HttpResponse<String> missing = get("/api/requests/FOI-1999-99999/similar", "olivia");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(missing.body()).contains("FOI-1999-99999");
  }

  @Test
  void aBusinessUnitMemberAndAnOutsiderAreRefused() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Una Unit", LocalDate.of(2026, 10, 1)));
    assertThat(get("/api/requests/" + foi.reference() + "/similar", "hugo").statusCode()).isEqualTo(403);
    HttpResponse<String> outsider = http.send(HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/api/requests/" + foi.reference() + "/similar"))
        .header("Authorization", BasicAuthCalls.authorization(Outsider.USER, Outsider.PASSWORD)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(outsider.body()).doesNotContain("Similar requests is for");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuthCalls.authorization(user, "demo")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
