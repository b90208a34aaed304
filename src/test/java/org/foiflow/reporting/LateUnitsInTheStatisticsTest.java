package org.foiflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics count late responses by the business unit that caused them: distinct cases received in the period
 * whose response was late while the unit's contribution was late (foi_contribution.caused_late_response, set by
 * contributions.LateContributions when the response is issued).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LateUnitsInTheStatisticsTest {

  private static final String PERIOD = "from=2023-04-01&to=2023-06-30";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  private void contribution(FoiCase foi, String unit, boolean causedLateResponse) {
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_on, due_on,"
            + " answered_at, answer, late, caused_late_response) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP,"
            + " 'PROVIDED', ?, ?)", UUID.randomUUID().toString(), foi.reference(), foi.instance().getId(), unit,
        Date.valueOf("2023-04-12"), Date.valueOf("2023-04-26"), causedLateResponse, causedLateResponse);
  }

  private HttpResponse<String> statistics(String query) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/statistics?" + query, "GET", null,
        "maya", "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aUnitIsCountedOncePerCaseItMadeLateInThePeriodOfTheRequest() throws Exception {
    FoiCase first = FoiCase.logged(engine, FoiCase.aRequest("First Late", LocalDate.of(2023, 4, 12)));
    FoiCase second = FoiCase.logged(engine, FoiCase.aRequest("Second Late", LocalDate.of(2023, 5, 2)));
    FoiCase outside = FoiCase.logged(engine, FoiCase.aRequest("Other Quarter", LocalDate.of(2023, 7, 3)));
    jdbc.update("INSERT INTO foi_business_unit (group_id, name, deadline_working_days, created_at)"
        + " VALUES ('bu-stats-late', 'Late statistics unit', 10, CURRENT_TIMESTAMP)");
    // asked twice on the first case (after handing back): one case all the same
    contribution(first, "bu-stats-late", true);
    contribution(first, "bu-stats-late", true);
    contribution(second, "bu-stats-late", true);
    contribution(outside, "bu-stats-late", true);
    // late but the response was still on time: not counted
    contribution(second, "bu-stats-harmless", false);

    JsonNode byUnit = new ObjectMapper().readTree(statistics(PERIOD).body()).get("lateResponsesByUnit");
    JsonNode late = byUnit.findParents("unit").stream().filter(row -> row.get("unit").asText().equals("bu-stats-late"))
        .findFirst().orElseThrow();
    assertThat(late.get("name").asText()).isEqualTo("Late statistics unit");
    assertThat(late.get("cases").asLong()).isEqualTo(2);
    assertThat(byUnit.findValuesAsText("unit")).doesNotContain("bu-stats-harmless");

    assertThat(statistics(PERIOD + "&format=csv").body()).contains("\"lateResponsesByUnit\",\"bu-stats-late\",\"2\"");
  }
}
