package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A requester who writes in Welsh, through the engine: logged over the API with {@code "language":"cy"}, they
 * are acknowledged with the bilingual letter (Welsh, then English), and a refusal under section 31 reaches them as
 * the Welsh refusal notice with its English version after it (foiflow.letters.welsh: bilingual, the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class WelshRequesterLettersTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  HistoryService historyService;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aWelshRequestIsAcknowledgedBilinguallyAndRefusedUnderSection31InWelsh() throws Exception {
    String body = "{\"requester\":{\"name\":\"Elin Prydderch\",\"email\":\"elin@example.cymru\"},"
        + "\"language\":\"cy\",\"subject\":\"Polisi TCC\","
        + "\"request\":\"Anfonwch gopi o'ch polisi ar ddefnyddio camerâu TCC yng nghanol y dref.\"}";
    HttpResponse<String> created = http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/requests",
        "POST", body, "olivia", "demo").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode logged = json.readTree(created.body());
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(logged.get("processInstanceId").asText()).singleResult();
    FoiCase foi = FoiCase.of(engine, instance);
    assertThat(foi.variable("language")).isEqualTo("cy");

    Document acknowledgement = filed(instance.getId(), "ACKNOWLEDGEMENT");
    String acknowledged = acknowledgement.text();
    assertThat(acknowledgement.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(acknowledged).contains("Annwyl Elin Prydderch", "Cydnabod eich cais – Polisi TCC",
        "Ein cyfeirnod: " + foi.reference(), "Yn gywir", "Dear Elin Prydderch", "Acknowledgement of your request");
    assertThat(acknowledged.indexOf("Yn gywir")).isLessThan(acknowledged.indexOf("Dear Elin Prydderch"));
    assertThat(acknowledgement.select("div.language-version[lang=en-GB]")).hasSize(1);

    foi.validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY")
        .publicInterestBalanced("WITHHOLD");
    String draft = String.valueOf(foi.variable("draftLetterText"));
    assertThat(draft).contains("Hysbysiad gwrthod", "Adran 31 – Gorfodi'r gyfraith", "Prawf niwed",
        "yn debygol o niweidio gorfodi'r gyfraith", "Prawf budd y cyhoedd",
        // what the officer typed stays as typed
        "Revealing identification tactics would help offenders evade justice.",
        "Section 31 – Law enforcement");
    assertThat(draft.indexOf("Adran 31 – Gorfodi'r gyfraith")).isLessThan(draft.indexOf("Section 31 – Law enforcement"));
    foi.approved();

    assertThat(foi.instance()).isNotNull();
    Document refusal = filed(instance.getId(), "REFUSAL_NOTICE");
    assertThat(refusal.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(refusal.text()).contains("Hysbysiad gwrthod", "Adran 31 – Gorfodi'r gyfraith",
        "Swyddfa'r Comisiynydd Gwybodaeth", "Caerdydd CF10 2HH", "Refusal notice", "Section 31 – Law enforcement");
  }

  /** The last letter of the type filed with the case, as its filed HTML. */
  private Document filed(String processInstanceId, String type) throws Exception {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> letters = (List<Map<String, Object>>) historyService
        .createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName("letters")
        .singleResult().getValue();
    Map<String, Object> letter = letters.stream().filter(entry -> type.equals(entry.get("type")))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no " + type + " letter in " + letters));
    FileValue html = (FileValue) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(letter.get("id") + "Html")
        .disableCustomObjectDeserialization().singleResult().getTypedValue();
    try (InputStream in = html.getValue()) {
      return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
