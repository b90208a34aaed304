package org.foiflow.requesters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A requester recognised across cases through the real engine, and GET /api/requests/{reference}/requester-history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequesterHistoryTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  RequesterKeyBackfill backfill;
  @Autowired
  AggregationWindow window;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theHistoryOfARequestersThirdRequestListsTheirFirstTwoNewestFirstWithTheWindow() throws Exception {
    String name = "Priya " + aWord() + " Sharma";
    String email = name.toLowerCase().replace(' ', '.') + "@example.org";
    // 100 working days before the third: outside reg 5's 60; 21 working days before it: inside
    FoiCase first = log(name, email, LocalDate.of(2026, 1, 5), "Parking fines issued in 2025");
    FoiCase second = log("Dr P. Sharma", email.toUpperCase(), LocalDate.of(2026, 5, 1), "Parking wardens employed");
    FoiCase someoneElse = log("Rohan " + aWord() + " Mehta", "rohan@example.org", LocalDate.of(2026, 5, 20),
        "Parking fines issued in 2025");
    FoiCase third = log(name.toLowerCase().replace(" sharma", "  SHARMÁ"), " " + email.replace("priya", "Priya"),
        LocalDate.of(2026, 6, 1), "Parking fine appeals");

    JsonNode items = history(third.reference(), "olivia");
    List<String> references = new ArrayList<>();
    items.forEach(item -> references.add(item.get("reference").asText()));
    assertThat(references).containsExactly(second.reference(), first.reference()).doesNotContain(someoneElse.reference());
    assertThat(items.get(0).get("matchedBy").asText()).isEqualTo("EMAIL");
    assertThat(items.get(0).get("withinAggregationWindow").asBoolean()).isTrue();
    assertThat(items.get(0).get("receivedOn").asText()).isEqualTo("2026-05-01");
    assertThat(items.get(0).get("subject").asText()).isEqualTo("Parking wardens employed");
    assertThat(items.get(0).get("stage").asText()).isNotBlank();
    assertThat(items.get(1).get("matchedBy").asText()).isEqualTo("EMAIL_AND_NAME");
    assertThat(items.get(1).get("withinAggregationWindow").asBoolean()).isFalse();

    // the other person's history is theirs alone
    assertThat(history(someoneElse.reference(), "maya")).isEmpty();
  }

  @Test
  void theWindowIsSixtyWorkingDaysBothCountedWithoutTheBankHolidays() {
    // from Wednesday 1 April 2026: Good Friday, Easter Monday, the two May bank holidays and Scotland's 15 June do
    // not count (a bank holiday in any part of the UK), so the 60th working day is Tuesday 30 June
    LocalDate first = LocalDate.of(2026, 4, 1);
    assertThat(window.contains(first, LocalDate.of(2026, 6, 30))).isTrue();
    assertThat(window.contains(LocalDate.of(2026, 6, 30), first)).isTrue();
    assertThat(window.contains(first, LocalDate.of(2026, 7, 1))).isFalse();
  }

  @Test
  void anUnknownCaseIs404AndABusinessUnitMemberIsRefused() throws Exception {
    HttpResponse<String> unknown = call("/api/requests/FOI-2026-99999/requester-history", "olivia");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(unknown.body()).get("reference").asText()).isEqualTo("FOI-2026-99999");

    FoiCase foi = log("Una " + aWord() + " Blind", "una@example.org", LocalDate.of(2026, 6, 1), "Bins");
    HttpResponse<String> unitMember = call("/api/requests/" + foi.reference() + "/requester-history", FoiCase.HIGHWAYS_MEMBER);
    assertThat(unitMember.statusCode()).isEqualTo(403);
    assertThat(unitMember.body()).doesNotContain("Una", foi.reference() + " ");
  }

  @Test
  void theBackfillKeysCasesLoggedBeforeTheKeysButNotThoseWhoseRequesterWasForgotten() throws Exception {
    String name = "Bertie " + aWord() + " Backfill";
    FoiCase older = log(name, "bertie@example.net", LocalDate.of(2026, 3, 2), "Library opening hours");
    FoiCase newer = log(name, "bertie@example.net", LocalDate.of(2026, 3, 9), "Library book stock");
    FoiCase forgotten = log(name, "bertie@example.net", LocalDate.of(2026, 3, 16), "Library staff");
    // as a release before V9 left them; the last one's requester since forgotten by the retention rule
    jdbc.update("UPDATE foi_case SET requester_name_key = NULL, requester_email_key = NULL WHERE reference IN (?, ?, ?)",
        older.reference(), newer.reference(), forgotten.reference());
    jdbc.update("UPDATE foi_case SET requester_name = NULL WHERE reference = ?", forgotten.reference());
    assertThat(history(newer.reference(), "olivia")).isEmpty();

    assertThat(backfill(LocalDate.now(ZoneId.of("Europe/London")))).isGreaterThanOrEqualTo(2);
    JsonNode items = history(newer.reference(), "olivia");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("reference").asText()).isEqualTo(older.reference());
    assertThat(items.get(0).get("matchedBy").asText()).isEqualTo("EMAIL_AND_NAME");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE reference = ? AND requester_name_key IS NULL"
        + " AND requester_email_key IS NULL", Integer.class, forgotten.reference())).isEqualTo(1);
    // run again, it has nothing left to do
    assertThat(backfill(LocalDate.now(ZoneId.of("Europe/London")))).isZero();
  }

  private FoiCase log(String name, String email, LocalDate receivedOn, String subject) {
    VariableMap request = FoiCase.aRequest(name, receivedOn);
    request.putValue("requesterEmail", email);
    request.putValue("subject", subject);
    return FoiCase.logged(engine, request);
  }

  private JsonNode history(String reference, String user) throws Exception {
    HttpResponse<String> response = call("/api/requests/" + reference + "/requester-history", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("items");
  }

  private HttpResponse<String> call(String path, String user) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, "GET", null, user, "demo").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int backfill(LocalDate asOf) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return backfill.backfill(connection, asOf);
    }
  }

  /** A word no other test's requester has, so a name matches only this test's cases. */
  private static String aWord() {
    StringBuilder word = new StringBuilder("Zq");
    for (int i = 0; i < 6; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
