package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.assessment.ExemptionCatalogue;
import org.foiflow.complaints.IcoComplaint;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.review.InternalReview;
import org.foiflow.review.ReviewCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Scottish Information Commissioner's quarterly return for the third quarter of 2025/26 (1 October to
 * 31 December 2025), over a handful of cases worked through the real engine. The context is shared with the other
 * Scottish tests, so each figure is asserted as the change this test's cases make to the return.
 */
@ScottishAuthority
class CommissionerReturnTest {

  private static final String QUARTER = "/api/statistics/commissioner-return?year=2025&quarter=3";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ExemptionCatalogue catalogue;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .header("Authorization", BasicAuthCalls.authorization(user, "demo"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode theReturn() throws Exception {
    HttpResponse<String> response = get(QUARTER, "maya", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static long change(JsonNode before, JsonNode after, String path) {
    return at(after, path) - at(before, path);
  }

  private static long at(JsonNode node, String path) {
    JsonNode found = node.at(path);
    return found.isMissingNode() ? 0 : found.asLong();
  }

  /** One CSV row as CsvSheet writes it: every cell quoted. */
  private static String row(Object... cells) {
    return java.util.Arrays.stream(cells).map(cell -> "\"" + cell + "\"").collect(java.util.stream.Collectors.joining(","));
  }

  private static long cited(JsonNode figures, String code) {
    for (JsonNode row : figures.path("exemptionsApplied")) {
      if (code.equals(row.path("code").asText())) {
        return row.path("cases").asLong();
      }
    }
    return 0;
  }

  @Test
  void theQuarterlyReturnCountsRequestsResponsesOutcomesExemptionsReviewsAndApplications() throws Exception {
    JsonNode before = theReturn();
    assertThat(before.path("financialYear").asText()).isEqualTo("2025/26");
    assertThat(before.path("from").asText()).isEqualTo("2025-10-01");
    assertThat(before.path("to").asText()).isEqualTo("2025-12-31");
    String personalData = ScottishCases.personalDataExemption(catalogue);

    // FOISA: withheld (s.38(1)(b)) and not held, both in time; a cost refusal received in the quarter before but
    // answered in this one; one answered late; one received in December and answered in January
    ScottishCases.withheld(engine, "Quarter Withheld", "FOISA", LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 20),
        personalData);
    FoiCase notHeld = ScottishCases.answeredNotHeld(engine, "Quarter Notheld", "FOISA", LocalDate.of(2025, 10, 7),
        LocalDate.of(2025, 10, 14));
    ScottishCases.refusedOnCost(engine, "Quarter Cost", "FOISA", LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 8));
    ScottishCases.answeredNotHeld(engine, "Quarter Late", "FOISA", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 28));
    ScottishCases.answeredNotHeld(engine, "Quarter January", "FOISA", LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 8));
    // EISR: one not held, in time
    ScottishCases.answeredNotHeld(engine, "Quarter Eisr", "EISR", LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 16));
    // the not-held case is reviewed (confirmed) and taken to the Commissioner
    ScottishCases.today(LocalDate.of(2025, 10, 21));
    ReviewCase review = ReviewCase.asked(engine, notHeld.reference(), LocalDate.of(2025, 10, 21));
    ScottishCases.today(LocalDate.of(2025, 11, 4));
    review.decided(InternalReview.UPHOLD, "The records were destroyed under the retention schedule in 2019.").letterChecked();
    ScottishCases.today(LocalDate.of(2025, 12, 1));
    engine.getRuntimeService().startProcessInstanceByKey(IcoComplaint.PROCESS_KEY, Variables.createVariables()
        .putValue("caseReference", notHeld.reference()).putValue("icoReference", "202501234")
        .putValue("notifiedOn", "2025-12-01").putValue("respondBy", "2025-12-22")
        .putValue("complaintSummary", "The applicant believes the records still exist."));
    ClockUtil.reset();

    JsonNode after = theReturn();
    assertThat(change(before, after, "/foisa/received")).isEqualTo(4);
    assertThat(change(before, after, "/foisa/respondedTo")).isEqualTo(4);
    assertThat(change(before, after, "/foisa/respondedWithinTimeLimit")).isEqualTo(3);
    assertThat(change(before, after, "/foisa/outcomes/withheldInFull")).isEqualTo(1);
    assertThat(change(before, after, "/foisa/outcomes/notHeld")).isEqualTo(2);
    assertThat(change(before, after, "/foisa/outcomes/rejectedExcessiveCost")).isEqualTo(1);
    assertThat(change(before, after, "/foisa/outcomes/fullyDisclosed")).isZero();
    assertThat(cited(after.path("foisa"), personalData) - cited(before.path("foisa"), personalData)).isEqualTo(1);
    assertThat(change(before, after, "/foisa/reviews/received")).isEqualTo(1);
    assertThat(change(before, after, "/foisa/reviews/outcomes/confirmedWithoutModification")).isEqualTo(1);
    assertThat(change(before, after, "/foisa/reviews/outcomes/differentDecisionSubstituted")).isZero();
    assertThat(change(before, after, "/foisa/applicationsToCommissioner")).isEqualTo(1);
    assertThat(change(before, after, "/eisr/received")).isEqualTo(1);
    assertThat(change(before, after, "/eisr/respondedTo")).isEqualTo(1);
    assertThat(change(before, after, "/eisr/respondedWithinTimeLimit")).isEqualTo(1);
    assertThat(change(before, after, "/eisr/outcomes/notHeld")).isEqualTo(1);
    assertThat(change(before, after, "/eisr/reviews/received")).isZero();
    assertThat(change(before, after, "/eisr/applicationsToCommissioner")).isZero();

    // the same figures as CSV, by the Accept header
    HttpResponse<String> csv = get(QUARTER, "maya", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.body()).startsWith(row("section", "measure", "value")).contains(row("period", "financialYear", "2025/26"),
        row("period", "quarter", "3"), row("FOISA", "received", at(after, "/foisa/received")),
        row("EISR", "respondedTo", at(after, "/eisr/respondedTo")),
        row("FOISA outcomes", "notHeld", at(after, "/foisa/outcomes/notHeld")),
        row("FOISA reviews", "confirmedWithoutModification", at(after, "/foisa/reviews/outcomes/confirmedWithoutModification")));
  }

  @Test
  void aQuarterOutsideOneToFourIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> refused = get("/api/statistics/commissioner-return?year=2026&quarter=5", "maya", null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").path("quarter").asText()).contains("April to June");
  }

  @Test
  void theReturnIsForTheFoiTeam() throws Exception {
    assertThat(get(QUARTER, FoiCase.OFFICER, null).statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + QUARTER))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
