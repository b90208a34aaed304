package org.foiflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** The manager's deadline view and the extension API over HTTP, with real users and their groups. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DeadlineApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  org.foiflow.clock.UkWorkingDays workingDays;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  private HttpResponse<String> call(String method, String path, String body, String user, String password)
      throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, user, password)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aManagerSeesOpenCasesWithStatusCountsAndWorkingDaysLeft() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase late = FoiCase.logged(engine, FoiCase.aRequest("Late Case", today.minusDays(60)));
    FoiCase fresh = FoiCase.logged(engine, FoiCase.aRequest("Fresh Case", today));

    JsonNode all = json.readTree(call("GET", "/api/deadlines?size=500", null, "maya", "demo").body());
    assertThat(all.get("counts").get("OVERDUE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(all.get("cases").findValuesAsText("reference")).contains(late.reference(), fresh.reference());

    JsonNode overdue = json.readTree(call("GET", "/api/deadlines?status=OVERDUE&size=500", null, "maya", "demo").body());
    assertThat(overdue.get("cases").findValuesAsText("reference")).contains(late.reference()).doesNotContain(fresh.reference());
    JsonNode lateRow = overdue.get("cases").findParents("reference").stream()
        .filter(row -> row.get("reference").asText().equals(late.reference())).findFirst().orElseThrow();
    assertThat(lateRow.get("workingDaysRemaining").asInt()).isNegative();
    assertThat(lateRow.get("status").asText()).isEqualTo("OVERDUE");
    assertThat(lateRow.get("stage").asText()).isEqualTo("Triage");

    JsonNode byReference = json.readTree(call("GET", "/api/deadlines?sort=reference&order=desc&size=500", null, "maya", "demo").body());
    assertThat(byReference.get("cases").get(0).get("reference").asText())
        .isGreaterThanOrEqualTo(byReference.get("cases").get(1).get("reference").asText());
  }

  @Test
  void aCaseDueTodayIsShownDueTodayWithItsSubjectAndFoundBySearch() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase dueToday = FoiCase.logged(engine, FoiCase.aRequest("Priya Dueday", today)
        .putValue("subject", "Winter gritting routes"));
    FoiCase other = FoiCase.logged(engine, FoiCase.aRequest("Someone Else", today));
    LocalDate due = LocalDate.parse((String) dueToday.variable("dueOn"));
    try {
      ClockUtil.setCurrentTime(Date.from(due.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));

      JsonNode found = json.readTree(call("GET", "/api/deadlines?size=500&q=GRITTING%20dueday", null, "maya", "demo").body());
      assertThat(found.get("cases").findValuesAsText("reference")).containsExactly(dueToday.reference());
      JsonNode row = found.get("cases").get(0);
      assertThat(row.get("subject").asText()).isEqualTo("Winter gritting routes");
      assertThat(row.get("requesterName").asText()).isEqualTo("Priya Dueday");
      assertThat(row.get("workingDaysRemaining").asInt()).isZero();
      assertThat(row.get("due").asText()).isEqualTo("Due today");
      assertThat(found.get("total").asLong()).isEqualTo(1);

      JsonNode byReference = json.readTree(call("GET", "/api/deadlines?size=500&q=" + other.reference(), null, "maya", "demo").body());
      assertThat(byReference.get("cases").findValuesAsText("reference")).containsExactly(other.reference());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aCaseWaitingOnTheRequesterShowsTheWaitingStageItsOfficerAndAStoppedClock() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase waiting = FoiCase.logged(engine, FoiCase.aRequest("Waiting Case", today))
        .triagedAs(Map.of("feesPayable", true, "feePounds", 10, "feeDetails", "Copying"));
    waiting.as(FoiCase.SECOND_OFFICER, () -> engine.getTaskService()
        .claim(waiting.task("AwaitingFee").getId(), FoiCase.SECOND_OFFICER));

    JsonNode paused = json.readTree(call("GET", "/api/deadlines?status=PAUSED&size=500", null, "maya", "demo").body());
    JsonNode row = paused.get("cases").findParents("reference").stream()
        .filter(candidate -> candidate.get("reference").asText().equals(waiting.reference())).findFirst().orElseThrow();
    assertThat(row.get("stage").asText()).isEqualTo("Awaiting fee");
    assertThat(row.get("assignee").asText()).isEqualTo(FoiCase.SECOND_OFFICER);
    assertThat(row.get("status").asText()).isEqualTo("PAUSED");
  }

  @Test
  void someoneOutsideTheFoiTeamSeesNoDeadlinesAndNoCase() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Private Person", LocalDate.of(2026, 11, 2)));
    assertThat(call("GET", "/api/deadlines", null, "outsider", "outsider-password").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/requests/" + foi.reference(), null, "outsider", "outsider-password").statusCode())
        .isEqualTo(404);
  }

  /** A unit's contribution as org.foiflow.contributions records it: asked today, due on the day given. */
  private String contribution(FoiCase foi, String unit, LocalDate dueOn, boolean escalated) {
    String id = java.util.UUID.randomUUID().toString();
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_by, asked_on,"
            + " due_on, reminded_at, escalated_at, late) VALUES (?, ?, ?, ?, 'olivia', ?, ?, ?, ?, ?)", id, foi.reference(),
        foi.instance().getId(), unit, java.sql.Date.valueOf(dueOn.minusDays(14)), java.sql.Date.valueOf(dueOn),
        escalated ? now : null, escalated ? now : null, escalated);
    return id;
  }

  @Test
  void theUnitsInternalDeadlinesShowTheLateOnesFlaggedAndFilterByUnit() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Internal Deadlines", today.minusDays(20)));
    String late = contribution(foi, "bu-deadline-late", workingDays.addWorkingDays(today, -3), true);
    String onTime = contribution(foi, "bu-deadline-fine", workingDays.addWorkingDays(today, 4), false);

    JsonNode all = json.readTree(call("GET", "/api/deadlines/contributions", null, "maya", "demo").body());
    assertThat(all.get("contributions").findValuesAsText("contributionId")).contains(late, onTime);
    assertThat(all.get("units").findValuesAsText("group")).contains("bu-deadline-late", "bu-deadline-fine");

    JsonNode ofLateUnit = json.readTree(call("GET", "/api/deadlines/contributions?unit=bu-deadline-late", null,
        "maya", "demo").body());
    assertThat(ofLateUnit.get("contributions")).hasSize(1);
    JsonNode row = ofLateUnit.get("contributions").get(0);
    assertThat(row.get("contributionId").asText()).isEqualTo(late);
    assertThat(row.get("reference").asText()).isEqualTo(foi.reference());
    assertThat(row.get("subject").asText()).isEqualTo("CCTV policy");
    assertThat(row.get("late").asBoolean()).isTrue();
    assertThat(row.get("workingDaysLate").asInt()).isEqualTo(3);
    assertThat(row.get("due").asText()).isEqualTo("Overdue by 3 working days");
    assertThat(row.get("escalatedAt").isNull()).isFalse();
    assertThat(ofLateUnit.get("late").asLong()).isEqualTo(1);

    JsonNode fine = json.readTree(call("GET", "/api/deadlines/contributions?unit=bu-deadline-fine", null,
        "olivia", "demo").body()).get("contributions").get(0);
    assertThat(fine.get("late").asBoolean()).isFalse();
    assertThat(fine.get("workingDaysLate").asInt()).isZero();
    assertThat(fine.get("due").asText()).isEqualTo("Due in 4 working days");

    // an answered contribution is no longer waited for
    jdbc.update("UPDATE foi_contribution SET answered_at = CURRENT_TIMESTAMP, answer = 'PROVIDED' WHERE id = ?", onTime);
    assertThat(json.readTree(call("GET", "/api/deadlines/contributions", null, "maya", "demo").body())
        .get("contributions").findValuesAsText("contributionId")).contains(late).doesNotContain(onTime);
  }

  @Test
  void theInternalDeadlinesAreForTheFoiTeamAndABadUnitIsNamed() throws Exception {
    assertThat(call("GET", "/api/deadlines/contributions", null, "outsider", "outsider-password").statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad = call("GET", "/api/deadlines/contributions?unit=Highways%27--", null, "maya", "demo");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("errors").has("unit")).isTrue();
  }

  @Test
  void badDeadlineParametersAreNamed() throws Exception {
    HttpResponse<String> response = call("GET", "/api/deadlines?status=LATE", null, "maya", "demo");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").has("status")).isTrue();
  }

  @Test
  void anOfficerExtendsForThePublicInterestTestAndTheCaseShowsIt() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Extended Case", today));
    String due = (String) foi.variable("dueOn");
    String later = LocalDate.parse(due).plusDays(14).toString();

    HttpResponse<String> refused = call("POST", "/api/requests/" + foi.reference() + "/extension",
        "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"Advice needed\",\"extendedDueOn\":\"" + due + "\"}", "olivia", "demo");
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(refused.body()).get("errors");
    assertThat(errors.has("exemption")).isTrue();
    assertThat(errors.has("extendedDueOn")).isTrue();
    assertThat(foi.variable("originalDueOn")).isNull();

    HttpResponse<String> extended = call("POST", "/api/requests/" + foi.reference() + "/extension",
        "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"Advice needed\",\"exemption\":\"s31\",\"extendedDueOn\":\"" + later + "\"}",
        "olivia", "demo");
    assertThat(extended.statusCode()).isEqualTo(200);
    JsonNode shown = json.readTree(call("GET", "/api/requests/" + foi.reference(), null, "olivia", "demo").body());
    assertThat(shown.get("dueOn").asText()).isEqualTo(later);
    assertThat(shown.get("extension").get("originalDueOn").asText()).isEqualTo(due);
    assertThat(shown.get("extension").get("reason").asText()).isEqualTo("Advice needed");
    assertThat(shown.get("clock").asText()).isEqualTo("RUNNING");
    assertThat(shown.get("workingDaysRemaining").asInt()).isGreaterThan(20);
  }
}
