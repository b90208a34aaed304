package org.foiflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.Outsider;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case search over HTTP against the whole application (GET /api/requests and the /cases page), with cases
 * logged and worked through the real engine. Each test searches for words of its own, so the cases other tests
 * left in the shared context do not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CaseSearchApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  SearchBackfill backfill;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  @Test
  void anOfficerFindsTheRequestFromPriyaSharmaLastMonthWhateverTheCaseAndAccents() throws Exception {
    String word = aWord();
    LocalDate lastMonth = today.minusMonths(1);
    FoiCase priya = FoiCase.logged(engine, request("Priya Sharmá", lastMonth, "Gritting routes " + word));

    JsonNode found = search("olivia", "q=" + encode("priya sharma " + word));
    assertThat(found.get("total").asLong()).isEqualTo(1);
    JsonNode item = found.get("items").get(0);
    assertThat(item.get("reference").asText()).isEqualTo(priya.reference());
    assertThat(item.get("requesterName").asText()).isEqualTo("Priya Sharmá");
    assertThat(item.get("subject").asText()).isEqualTo("CCTV policy");
    assertThat(item.get("receivedOn").asText()).isEqualTo(lastMonth.toString());
    assertThat(item.get("dueOn").asText()).isEqualTo(priya.variable("dueOn"));
    assertThat(item.get("stage").asText()).isEqualTo("Triage");
    assertThat(item.get("outcome").isNull()).isTrue();
    assertThat(item.size()).isEqualTo(7);

    String monthBefore = "receivedFrom=" + lastMonth.withDayOfMonth(1) + "&receivedTo="
        + lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
    assertThat(references(search("maya", "q=PRIYA+SHARMA&" + monthBefore + "&size=100")))
        .contains(priya.reference());
    assertThat(references(search("maya", "q=" + word + "&receivedFrom=" + lastMonth.plusDays(1))))
        .doesNotContain(priya.reference());
    assertThat(references(search("maya", "q=" + word + "&receivedTo=" + lastMonth.minusDays(1))))
        .doesNotContain(priya.reference());
    // the page's UK-typed dates are understood too
    assertThat(references(search("amira", "q=" + word + "&receivedFrom="
        + encode(lastMonth.getDayOfMonth() + "/" + lastMonth.getMonthValue() + "/" + lastMonth.getYear()))))
        .containsExactly(priya.reference());
  }

  @Test
  void aCaseIsFoundByEmailByAWordOfTheRequestAndByReference() throws Exception {
    String word = aWord();
    FoiCase foi = FoiCase.logged(engine, request("Zoë Ölander", today, "Please send the " + word + "s audit for 2025."));

    assertThat(references(search("olivia", "q=" + encode("zoe.olander@example.org")))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + encode("ZOË.ÖLANDER@EXAMPLE.ORG")))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + word))).containsExactly(foi.reference());
    // the start of a word is enough
    assertThat(references(search("olivia", "q=" + word.substring(0, 6)))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + foi.reference()))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + foi.reference().toLowerCase()))).contains(foi.reference());
  }

  @Test
  void aWordsStartFoundInTwoWordsOfOneCaseFindsItOnceAndWordOrderDoesNotMatter() throws Exception {
    String word = aWord();
    // "policy" is in many cases, the word in one: the search is the same whichever is typed first
    FoiCase foi = FoiCase.logged(engine, request("Twice Found", today, word + "a and " + word + "b policy"));

    JsonNode found = search("olivia", "q=" + word);
    assertThat(found.get("total").asLong()).isEqualTo(1);
    assertThat(references(found)).containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + encode("policy " + word.toUpperCase())))).containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + encode(word + "b Policy twice")))).containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + encode(word + "c policy")))).isEmpty();
    // the end of a word is not its start
    assertThat(references(search("olivia", "q=" + word.substring(2)))).isEmpty();
  }

  @Test
  void aReferenceIsFoundWholeOrByItsNumberAndOnlyThatCase() throws Exception {
    FoiCase foi = FoiCase.logged(engine, request("Reference Requester", today, "Anything"));
    String number = foi.reference().substring(foi.reference().lastIndexOf('-') + 1);

    assertThat(references(search("olivia", "q=" + foi.reference()))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + encode(foi.reference().replace('-', ' ') + " reference requester"))))
        .containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + number + "+requester"))).contains(foi.reference());
  }

  @Test
  void aCaseLoggedBeforeTheSearchIsFoundAfterTheBackfill() throws Exception {
    String word = aWord();
    FoiCase foi = FoiCase.logged(engine, request("Berit Backfill", today, "Minutes of the " + word + " board"));
    FoiCase closed = FoiCase.logged(engine, request("Clara Closed", today, "The " + word + " budget"))
        .triagedAs(Map.of("informationHeld", false)).approved();
    // as the releases before the search left a case: its reference's words only
    for (FoiCase old : List.of(foi, closed)) {
      jdbc.update("UPDATE foi_case SET requester_name = NULL, subject = NULL,"
          + " search_text = ' ' || LOWER(REPLACE(reference, '-', ' ')) || ' ' WHERE reference = ?", old.reference());
    }
    if (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'foi_case_word'",
        Integer.class) > 0) {
      // H2's word table came after those releases
      jdbc.update("DELETE FROM foi_case_word WHERE reference IN (?, ?)", foi.reference(), closed.reference());
    }
    assertThat(search("olivia", "q=" + word).get("total").asLong()).isZero();

    // years on, the closed case is past the retention period: it stays as it is
    assertThat(backfill(today.plusYears(8))).isPositive();
    assertThat(references(search("olivia", "q=" + word))).containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + foi.reference()))).contains(foi.reference());
    assertThat(references(search("olivia", "q=" + encode("berit.backfill@example.org")))).containsExactly(foi.reference());
    JsonNode item = search("olivia", "q=" + word).get("items").get(0);
    assertThat(item.get("requesterName").asText()).isEqualTo("Berit Backfill");
    assertThat(item.get("subject").asText()).isEqualTo("CCTV policy");

    assertThat(backfill(today)).isPositive();
    assertThat(references(search("olivia", "q=" + encode("clara closed " + word)))).containsExactly(closed.reference());
    // run again, it has nothing left to do
    assertThat(backfill(today)).isZero();
    assertThat(search("olivia", "q=" + word).get("total").asLong()).isEqualTo(2);
  }

  @Test
  void closedCasesAreFoundAndTheStatusOutcomeFiltersNarrowTheSearch() throws Exception {
    String word = aWord();
    FoiCase closed = FoiCase.logged(engine, request("Closed Requester", today, "Records of " + word));
    closed.triagedAs(Map.of("informationHeld", false)).approved();
    FoiCase open = FoiCase.logged(engine, request("Open Requester", today, "Records of " + word + " too"));

    JsonNode all = search("maya", "q=" + word);
    assertThat(references(all)).containsExactlyInAnyOrder(closed.reference(), open.reference());
    JsonNode closedOnly = search("maya", "q=" + word + "&status=closed");
    assertThat(references(closedOnly)).containsExactly(closed.reference());
    assertThat(closedOnly.get("items").get(0).get("outcome").asText()).isEqualTo("NOT_HELD");
    assertThat(closedOnly.get("items").get(0).get("stage").isNull()).isTrue();
    assertThat(references(search("maya", "q=" + word + "&status=open"))).containsExactly(open.reference());
    assertThat(references(search("maya", "q=" + word + "&outcome=NOT_HELD"))).containsExactly(closed.reference());
    assertThat(references(search("maya", "q=" + word + "&outcome=GRANTED_IN_FULL"))).isEmpty();
  }

  @Test
  void theExemptionFilterFindsTheCasesThatCitedIt() throws Exception {
    String word = aWord();
    FoiCase withheld = FoiCase.logged(engine, request("Exempt Requester", today, "Tactics " + word))
        .validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY")
        .publicInterestBalanced("WITHHOLD").approved();
    FoiCase granted = FoiCase.logged(engine, request("Granted Requester", today, "Tactics " + word + " too"))
        .validAndHeld().located().assessed("FULL").approved();

    assertThat(references(search("maya", "q=" + word))).containsExactlyInAnyOrder(withheld.reference(),
        granted.reference());
    assertThat(references(search("maya", "q=" + word + "&exemption=s31"))).containsExactly(withheld.reference());
    assertThat(references(search("maya", "q=" + word + "&exemption=S31&outcome=withheld_in_full")))
        .containsExactly(withheld.reference());
    assertThat(references(search("maya", "q=" + word + "&exemption=s40"))).isEmpty();
  }

  @Test
  void theWordsOfAClarifiedRequestAreFoundToo() throws Exception {
    String word = aWord();
    FoiCase foi = FoiCase.logged(engine, request("Clarifying Requester", today, "Your policy, please."));
    foi.triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which policy do you mean?"));
    foi.clarifiedOn(today, "The " + word + " policy of 2024.");

    assertThat(references(search("olivia", "q=" + word))).containsExactly(foi.reference());
    assertThat(references(search("olivia", "q=" + encode("clarifying requester your policy")))).contains(foi.reference());
  }

  @Test
  void resultsComeNewestFirstAPageAtATimeWithTheTotal() throws Exception {
    String word = aWord();
    FoiCase oldest = FoiCase.logged(engine, request("Paged One", today.minusDays(20), word + " one"));
    FoiCase middle = FoiCase.logged(engine, request("Paged Two", today.minusDays(10), word + " two"));
    FoiCase newest = FoiCase.logged(engine, request("Paged Three", today, word + " three"));

    JsonNode first = search("olivia", "q=" + word + "&size=2");
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(references(first)).containsExactly(newest.reference(), middle.reference());
    JsonNode second = search("olivia", "q=" + word + "&size=2&page=1");
    assertThat(second.get("total").asLong()).isEqualTo(3);
    assertThat(references(second)).containsExactly(oldest.reference());
    assertThat(search("olivia", "q=" + word + "&size=2&page=2").get("items")).isEmpty();
  }

  @Test
  void someoneOutsideTheFoiGroupsIsRefusedTheSearchAndThePage() throws Exception {
    FoiCase.logged(engine, request("Hidden Person", today, "Something private"));
    HttpResponse<String> refused = call("/api/requests?q=hidden", "outsider", "outsider-password");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("Hidden");
    assertThat(call("/api/requests?q=hidden", null, null).statusCode()).isEqualTo(401);

    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("outsider", "outsider-password");
    HttpResponse<String> page = browser.get("/cases?q=hidden");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain("Hidden Person");
  }

  @Test
  void badParametersAreNamed() throws Exception {
    HttpResponse<String> response = call("/api/requests?status=pending&receivedFrom=2026-13-01&receivedTo=31/02/2026"
        + "&page=-1&size=101", "olivia", "demo");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    JsonNode errors = json.readTree(response.body()).get("errors");
    assertThat(errors.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("status", "receivedFrom", "receivedTo", "page", "size");

    JsonNode backwards = json.readTree(call("/api/requests?receivedFrom=2026-11-02&receivedTo=2026-11-01&size=x",
        "olivia", "demo").body()).get("errors");
    assertThat(backwards.fieldNames()).toIterable().containsExactlyInAnyOrder("receivedTo", "size");
    assertThat(call("/api/requests?q=" + "a".repeat(201), "olivia", "demo").statusCode()).isEqualTo(400);
  }

  @Test
  void theCasesPageListsTheResultsWithUkDatesAndEscapesWhatCasesSay() throws Exception {
    String word = aWord();
    LocalDate received = LocalDate.of(today.getYear(), 5, 14).isAfter(today) ? LocalDate.of(today.getYear() - 1, 5, 14)
        : LocalDate.of(today.getYear(), 5, 14);
    VariableMap marked = request("Anna <b>Bold</b>", received, "About " + word);
    marked.putValue("subject", "<script>alert('x')</script> & more").putValue("requesterEmail", "anna@example.org");
    FoiCase foi = FoiCase.logged(engine, marked);

    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("olivia", "demo");
    HttpResponse<String> page = browser.get("/cases?q=" + word + "&status=all");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<html lang=\"en-GB\"", "1 case found",
        "href=\"/cases/" + foi.reference() + "\"", "14 May " + received.getYear(),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", "Anna &lt;b&gt;Bold&lt;/b&gt;",
        "<th scope=\"col\">Requester</th>", "<label>Search words");
    assertThat(html).doesNotContain("<script>alert", "<b>Bold</b>");
    assertThat(html).contains(LocalDate.parse((String) foi.variable("dueOn"))
        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));

    HttpResponse<String> bad = browser.get("/cases?receivedFrom=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Received from: must be a date");

    assertThat(browser.get("/deadlines.html").body()).contains("<a href=\"/cases\">Search cases</a>");
  }

  // helpers

  private int backfill(LocalDate asOf) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return backfill.backfill(connection, asOf);
    }
  }

  /** A word no other case has: letters only, so every database reads it as one word. */
  static String aWord() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  static VariableMap request(String name, LocalDate receivedOn, String text) {
    return FoiCase.aRequest(name, receivedOn).putValue("requestText", text);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> call(String path, String user, String password) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, "GET", null, user, password).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode search(String user, String parameters) throws Exception {
    HttpResponse<String> response = call("/api/requests?" + parameters, user, "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static List<String> references(JsonNode found) {
    return found.get("items").findValuesAsText("reference");
  }
}
