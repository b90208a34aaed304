package org.foiflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The exemption assessment offers a FOIA request FOIA sections and an EIR request EIR exceptions, and the engine
 * refuses a code of the other regime whichever door the completion comes through; a subsection chosen on the form
 * is cited by the letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ExemptionsByRegimeTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private FoiCase atAssessment(String regime) {
    return FoiCase.logged(engine, FoiCase.aRequest("Ellis Regime", RECEIVED))
        .triagedAs(Map.of("regime", regime)).located();
  }

  private HttpResponse<String> asOfficer(String method, String path, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/engine-rest/engine/" + engine.getName()
        + path, method, body, FoiCase.OFFICER, "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The option values the assessment form's checklist gets, as Tasklist reads them (the task's form variables). */
  private List<String> offeredOnTheForm(FoiCase foi) throws Exception {
    HttpResponse<String> variables = asOfficer("GET",
        "/task/" + foi.task("AssessExemptions").getId() + "/form-variables?deserializeValues=false", null);
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    JsonNode value = json.readTree(variables.body()).path("offeredExemptions").path("value");
    // as Tasklist asks for them: a Json variable comes as its JSON text
    JsonNode offered = value.isTextual() ? json.readTree(value.asText()) : value;
    assertThat(offered.isArray()).as(variables.body()).isTrue();
    List<String> codes = new ArrayList<>();
    offered.forEach(option -> {
      assertThat(option.get("label").asText()).isNotBlank();
      codes.add(option.get("value").asText());
    });
    return codes;
  }

  @Test
  void aFoiaRequestIsOfferedFoiaSectionsOnly() throws Exception {
    List<String> offered = offeredOnTheForm(atAssessment("FOIA"));

    assertThat(offered).contains("s21", "s31", "s40-2", "s43-2").noneMatch(code -> code.startsWith("eir-"));
  }

  @Test
  void anEirRequestIsOfferedEirExceptionsOnly() throws Exception {
    List<String> offered = offeredOnTheForm(atAssessment("EIR"));

    assertThat(offered).contains("eir-12-4-b", "eir-12-5-b", "eir-13").allMatch(code -> code.startsWith("eir-"));
  }

  @Test
  void anEirExceptionCitedOnAFoiaRequestThroughTheRestApiIsRefusedNamingTheField() throws Exception {
    FoiCase foi = atAssessment("FOIA");
    String task = foi.task("AssessExemptions").getId();
    assertThat(asOfficer("POST", "/task/" + task + "/claim", "{\"userId\":\"" + FoiCase.OFFICER + "\"}").statusCode())
        .isEqualTo(204);

    HttpResponse<String> refused = asOfficer("POST", "/task/" + task + "/complete", "{\"variables\":{"
        + "\"disclosureScope\":{\"value\":\"WITHHOLD\"},"
        + "\"exemptions\":{\"value\":\"[\\\"s31\\\",\\\"eir-12-5-b\\\"]\",\"type\":\"Json\"},"
        + "\"assessmentNotes\":{\"value\":\"The investigation is open.\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("errors").get("exemptions").asText())
        .contains("Freedom of Information Act request", "Regulation 12(5)(b)");
    assertThat(refused.body()).doesNotContain("ENGINE-", "Exception");
    assertThat(foi.task("AssessExemptions").getId()).isEqualTo(task);
  }

  @Test
  void aFoiaSectionCitedOnAnEirRequestIsRefusedThroughTheJavaApi() {
    FoiCase foi = atAssessment("EIR");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> foi.assessed("WITHHOLD", "s43-2"))
        .hasMessageContaining("exemptions").hasMessageContaining("Environmental Information Regulations request");
    assertThat(foi.task("AssessExemptions")).isNotNull();
  }

  @Test
  void theSubsectionChosenOnTheFormIsCitedByTheLetter() {
    FoiCase foi = atAssessment("FOIA");
    foi.complete("AssessExemptions", FoiCase.OFFICER, Variables.createVariables()
        .putValue("disclosureScope", "WITHHOLD")
        .putValue("exemptions", List.of("s31"))
        .putValue("exemptionSubsections", List.of("s31-1-a"))
        .putValue("assessmentNotes", "Sections 4 to 6 describe tactics for identifying suspects."));
    foi.harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD");

    assertThat(String.valueOf(foi.variable("draftLetterText")))
        .containsIgnoringCase("section 31(1)(a)").contains("the prevention or detection of crime");
  }
}
