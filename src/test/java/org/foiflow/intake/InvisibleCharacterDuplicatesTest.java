package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.foiflow.http.BasicAuthCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The exact-duplicate 409 of POST /api/requests holds when the same request comes again with characters nobody
 * sees (pasted from a web page or an email): a zero-width space, a non-breaking space, doubled spaces, a trailing
 * newline. A request that really differs still goes in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class InvisibleCharacterDuplicatesTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theSameRequestWithInvisibleDifferencesIsTheDuplicateOfTheFirstAndADifferentOneGoesIn() throws Exception {
    String unique = "ref " + UUID.randomUUID().toString().substring(0, 8);
    String text = "How many potholes did the council repair on Mill Lane in 2025 (" + unique + ")?";
    HttpResponse<String> first = logged(text);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String reference = json.readTree(first.body()).get("reference").asText();
    Integer cases = jdbc.queryForObject("SELECT COUNT(*) FROM foi_case", Integer.class);

    Map<String, String> variants = Map.of(
        "a zero-width space inside a word", text.replace("potholes", "pot\u200Bholes"),
        "a non-breaking space", text.replace("the council", "the\u00A0council"),
        "doubled spaces", text.replace(" ", "  "),
        "a trailing newline", text + "\n",
        "a byte-order mark in front", "\uFEFF" + text);
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      HttpResponse<String> again = logged(variant.getValue());
      assertThat(again.statusCode()).as(variant.getKey() + ": " + again.body()).isEqualTo(409);
      JsonNode problem = json.readTree(again.body());
      assertThat(problem.get("reference").asText()).as(variant.getKey()).isEqualTo(reference);
      assertThat(problem.path("errors").has("request")).as(variant.getKey()).isTrue();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case", Integer.class)).isEqualTo(cases);

    HttpResponse<String> different = logged(text.replace("Mill Lane", "Mill Road"));
    assertThat(different.statusCode()).as(different.body()).isEqualTo(201);
    assertThat(json.readTree(different.body()).get("reference").asText()).isNotEqualTo(reference);
  }

  private HttpResponse<String> logged(String requestText) throws Exception {
    String body = json.writeValueAsString(Map.of(
        "requester", Map.of("name", "Iris Invisible", "email", "iris.invisible@example.org"),
        "receivedOn", "2026-11-02", "channel", "EMAIL", "regime", "FOIA", "subject", "Potholes",
        "request", requestText));
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/requests", "POST", body, "olivia",
        "demo").build(), HttpResponse.BodyHandlers.ofString());
  }
}
