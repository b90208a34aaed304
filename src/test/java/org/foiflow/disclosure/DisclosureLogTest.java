package org.foiflow.disclosure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Releases published to the public disclosure log through the real process (offered when the case closes,
 * approved by an officer), read over HTTP without a login. The requesters have names, emails and addresses
 * nobody else has, and type them into their requests; none of them may appear in anything the public sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class DisclosureLogTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** Every case here is answered in June 2023, a month no other test uses. */
  private static final LocalDate RECEIVED = LocalDate.of(2023, 6, 1);
  private static final LocalDate ANSWERED = LocalDate.of(2023, 6, 14);
  private static final String NAME = "Zebedee Quuxworth";
  private static final String EMAIL = "zq.quux@zebmail.example";
  private static final String ADDRESS = "17 Wobblethorpe Lane, Quillingham, QX9 8ZZ";
  /** The requester's details and every distinctive part of them. */
  private static final List<String> PERSONAL = List.of("Zebedee", "Quuxworth", "zq.quux", "zebmail", "Wobblethorpe",
      "Quillingham", "QX9", "8ZZ");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @BeforeEach
  void answeredInJune2023() {
    on(RECEIVED);
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  /** A request whose requester writes their name, email and address into the request itself. */
  private FoiCase released(String subject, String topic, String scope) {
    on(RECEIVED);
    VariableMap request = FoiCase.aRequest(NAME, RECEIVED)
        .putValue("requesterEmail", EMAIL)
        .putValue("requesterAddress", ADDRESS)
        .putValue("subject", subject)
        .putValue("requestText", "My name is " + NAME + " (" + EMAIL + "), of " + ADDRESS.replace(",", "") + ". "
            + "Please send me " + topic + ". Reply to me, Mr Quuxworth, at " + EMAIL + " or write to 17 Wobblethorpe Lane.");
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld();
    foi.complete("LocateInformation", FoiCase.OFFICER, Map.of(
        "informationSummary", "The " + topic + ", as held by Highways; sent to Zebedee Quuxworth of QX9 8ZZ.",
        "informationLocation", "Highways shared drive", "retrievalHours", 2));
    if ("PART".equals(scope)) {
      foi.assessed("PART", "s40-2");
    } else {
      foi.assessed("FULL");
    }
    on(ANSWERED);
    return foi.approved();
  }

  private ProcessInstance entryOf(FoiCase foi) {
    ProcessInstance entry = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DisclosureLogEntry.PROCESS_KEY).processInstanceBusinessKey(foi.reference()).singleResult();
    assertThat(entry).as("a disclosure log entry waits for %s", foi.reference()).isNotNull();
    return entry;
  }

  private Task approval(ProcessInstance entry) {
    return engine.getTaskService().createTaskQuery().processInstanceId(entry.getId()).taskDefinitionKey("ApproveEntry")
        .singleResult();
  }

  private String text(ProcessInstance entry, String name) {
    Object value = engine.getRuntimeService().getVariable(entry.getId(), name);
    return value instanceof SpinJsonNode node && node.isString() ? node.stringValue() : (String) value;
  }

  /** The prepared texts as the officer sees them in the approval form, with any changes. */
  private Map<String, Object> asPrepared(ProcessInstance entry, Map<String, Object> changes) {
    Map<String, Object> values = new HashMap<>();
    values.put("publishedSubject", text(entry, "publishedSubject"));
    values.put("publishedRequest", text(entry, "publishedRequest"));
    values.put("publishedResponse", text(entry, "publishedResponse"));
    values.put("publishDecision", DisclosureLogEntry.PUBLISH);
    values.putAll(changes);
    return values;
  }

  private void decide(ProcessInstance entry, Map<String, Object> values) {
    Task task = approval(entry);
    FoiCase.actingAs(engine, FoiCase.SECOND_OFFICER, () -> {
      engine.getTaskService().claim(task.getId(), FoiCase.SECOND_OFFICER);
      engine.getTaskService().complete(task.getId(), values);
    });
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    if (user != null) {
      request.header("Authorization", BasicAuthCalls.authorization(user, "demo"));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void showsNoPersonalData(String body) {
    for (String personal : PERSONAL) {
      assertThat(body).doesNotContainIgnoringCase(personal);
    }
  }

  @Test
  void aReleaseIsPublishedWithoutTheRequestersNameEmailOrAddress() throws Exception {
    FoiCase foi = released("Gritting routes", "the winter gritting routes for Plovercombe", "FULL");
    ProcessInstance entry = entryOf(foi);
    assertThat(approval(entry)).isNotNull();
    assertThat(approval(entry).getName()).contains(foi.reference());

    // the proposal has the details removed, and the entry's process holds none of them
    String proposedRequest = text(entry, "publishedRequest");
    assertThat(proposedRequest).contains("winter gritting routes for Plovercombe", PersonalData.REMOVED);
    assertThat(text(entry, "publishedResponse")).contains("provided in full", "winter gritting routes");
    List<String> everyValue = new ArrayList<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(entry.getId()).list()
        .forEach(variable -> everyValue.add(variable.getName() + "=" + variable.getValue()));
    assertThat(everyValue).isNotEmpty();
    showsNoPersonalData(String.join("\n", everyValue));

    // not on the log until an officer approves it
    assertThat(json.readTree(get("/disclosure-log.json?q=Plovercombe").body()).get("total").asLong()).isZero();

    // the officer cannot put the requester back: name, email, address each refused, nothing published
    for (String typedBack : List.of("Thanks to Mr Quuxworth for asking.", "Reply to " + EMAIL.toUpperCase() + ".",
        "Sent to 17 Wobblethorpe Lane.", "Postcode qx9 8zz.")) {
      assertThatThrownBy(() -> decide(entry, asPrepared(entry, Map.of("publishedRequest", proposedRequest + " " + typedBack))))
          .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("publishedRequest");
    }
    assertThat(approval(entry)).isNotNull();

    decide(entry, asPrepared(entry, Map.of("publishedSubject", "Winter gritting routes (Plovercombe)")));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(entry.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(entry.getId())
        .activityId("Published").count()).isEqualTo(1);

    HttpResponse<String> page = get("/disclosure-log?q=Plovercombe");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains(foi.reference(), "Winter gritting routes (Plovercombe)",
        "winter gritting routes for Plovercombe", "Granted in full", "14 June 2023", "1 entry");
    showsNoPersonalData(page.body());
    // an accessible page: its language, headings, a table with a caption and headers for columns and rows
    assertThat(page.body()).contains("<html lang=\"en-GB\">", "<h1>", "<h2>Published responses</h2>", "<caption>",
        "<th scope=\"col\">Answered</th>", "<th scope=\"row\">" + foi.reference() + "</th>",
        "<time datetime=\"2023-06-01\">1 June 2023</time>", "<time datetime=\"2023-06-14\">14 June 2023</time>",
        "Freedom of Information Act");

    JsonNode feed = json.readTree(get("/disclosure-log.json?q=Plovercombe").body());
    assertThat(feed.get("total").asLong()).isEqualTo(1);
    JsonNode published = feed.get("entries").get(0);
    assertThat(published.get("reference").asText()).isEqualTo(foi.reference());
    assertThat(published.get("outcome").asText()).isEqualTo("GRANTED_IN_FULL");
    assertThat(published.get("receivedOn").asText()).isEqualTo("2023-06-01");
    assertThat(published.get("respondedOn").asText()).isEqualTo("2023-06-14");
    assertThat(published.get("request").asText()).contains("winter gritting routes for Plovercombe");
    showsNoPersonalData(feed.toString());

    HttpResponse<String> csv = get("/disclosure-log.csv?q=Plovercombe");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("\"reference\",\"regime\",\"outcome\",\"received_on\",\"responded_on\",\"published_on\","
        + "\"subject\",\"request\",\"response\",\"exemptions\"");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("\"" + foi.reference() + "\",\"FOIA\",\"GRANTED_IN_FULL\",\"2023-06-01\",\"2023-06-14\",");
    showsNoPersonalData(csv.body());
  }

  @Test
  void searchByWordsAndByTheDateOfTheResponse() throws Exception {
    FoiCase lamps = released("Street lamps", "the Fennimore street lamp inventory", "PART");
    decide(entryOf(lamps), asPrepared(entryOf(lamps), Map.of()));
    FoiCase bins = released("Bin rounds", "the Fennimore bin collection rounds", "FULL");
    // answered on 14 June as well; published a week later
    on(LocalDate.of(2023, 6, 21));
    decide(entryOf(bins), asPrepared(entryOf(bins), Map.of()));

    JsonNode both = json.readTree(get("/disclosure-log.json?q=fennimore").body());
    assertThat(both.get("total").asLong()).isEqualTo(2);
    assertThat(both.get("entries").findValuesAsText("reference")).containsExactlyInAnyOrder(lamps.reference(), bins.reference());
    // every word must match, in any field, whatever the case
    JsonNode lampsOnly = json.readTree(get("/disclosure-log.json?q=" + encoded("LAMP fennimore")).body());
    assertThat(lampsOnly.get("entries").findValuesAsText("reference")).containsExactly(lamps.reference());
    JsonNode byReference = json.readTree(get("/disclosure-log.json?q=" + encoded(bins.reference())).body());
    assertThat(byReference.get("entries").findValuesAsText("reference")).containsExactly(bins.reference());
    assertThat(json.readTree(get("/disclosure-log.json?q=fennimore+zeppelin").body()).get("total").asLong()).isZero();
    // the part release lists the exemption applied
    JsonNode part = lampsOnly.get("entries").get(0);
    assertThat(part.get("outcome").asText()).isEqualTo("GRANTED_IN_PART");
    assertThat(part.get("exemptions").get(0).asText()).isEqualTo("s40-2");
    assertThat(part.get("response").asText()).contains("provided in part", "Section 40(2)");

    // dates select by the response date, both ends included
    assertThat(json.readTree(get("/disclosure-log.json?q=fennimore&from=2023-06-14&to=2023-06-14").body())
        .get("total").asLong()).isEqualTo(2);
    assertThat(json.readTree(get("/disclosure-log.json?q=fennimore&from=2023-06-15").body()).get("total").asLong()).isZero();
    assertThat(json.readTree(get("/disclosure-log.json?q=fennimore&to=2023-06-13").body()).get("total").asLong()).isZero();
    HttpResponse<String> page = get("/disclosure-log?q=fennimore&from=2023-06-01&to=2023-06-30");
    assertThat(page.body()).contains("2 entries", lamps.reference(), bins.reference(), "Section 40(2)",
        "value=\"01/06/2023\"", "value=\"fennimore\"",
        "/disclosure-log.csv?q=fennimore&amp;from=2023-06-01&amp;to=2023-06-30");
    showsNoPersonalData(page.body());
    String csv = get("/disclosure-log.csv?q=fennimore&from=2023-06-01&to=2023-06-30").body();
    assertThat(csv.split("\r\n")).hasSize(3);
    showsNoPersonalData(csv);
  }

  @Test
  void whatAnOfficerTypedIsShownAsTextNeverRunAsScript() throws Exception {
    FoiCase foi = released("Parking permits", "the Drumbleton parking permit counts", "FULL");
    ProcessInstance entry = entryOf(foi);
    decide(entry, asPrepared(entry, Map.of("publishedSubject", "<script>alert('log')</script> Drumbleton permits",
        "publishedResponse", text(entry, "publishedResponse") + " <img src=x onerror=alert(2)> & \"quoted\"")));

    HttpResponse<String> page = get("/disclosure-log?q=Drumbleton");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;script&gt;alert(&#39;log&#39;)&lt;/script&gt; Drumbleton permits",
            "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;")
        .doesNotContain("<script", "<img", "onerror=alert(2)>");
    // the feed gives the same text as it was typed: escaping is the page's business
    assertThat(json.readTree(get("/disclosure-log.json?q=Drumbleton").body()).get("entries").get(0).get("subject")
        .asText()).isEqualTo("<script>alert('log')</script> Drumbleton permits");
  }

  @Test
  void entriesNotApprovedOrNotToBePublishedAreNotShown() throws Exception {
    FoiCase waiting = released("Allotments", "the Marrowby allotment waiting list", "FULL");
    FoiCase declined = released("Allotment rents", "the Marrowby allotment rents", "FULL");
    assertThatThrownBy(() -> decide(entryOf(declined), asPrepared(entryOf(declined),
        Map.of("publishDecision", DisclosureLogEntry.DO_NOT_PUBLISH))))
        .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("notPublishingReason");
    ProcessInstance declinedEntry = entryOf(declined);
    decide(declinedEntry, asPrepared(declinedEntry, Map.of("publishDecision", DisclosureLogEntry.DO_NOT_PUBLISH,
        "notPublishingReason", "The rents are published in the annual report already.")));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(declinedEntry.getId())
        .activityId("NotPublished").count()).isEqualTo(1);

    assertThat(json.readTree(get("/disclosure-log.json?q=Marrowby").body()).get("total").asLong()).isZero();
    assertThat(get("/disclosure-log?q=Marrowby").body()).contains("No published entry matches").doesNotContain("Marrowby allotment");
    assertThat(get("/disclosure-log.csv?q=Marrowby").body().split("\r\n")).hasSize(1);
    assertThat(approval(entryOf(waiting))).isNotNull();
  }

  @Test
  void anOfficerOffersAnOlderReleaseThroughTheApi() throws Exception {
    FoiCase older = released("Library hours", "the Quenby library opening hours", "FULL");
    ProcessInstance first = entryOf(older);
    // waiting already: offered again is a conflict
    HttpResponse<String> again = post("/api/requests/" + older.reference() + "/disclosure-log", "olivia", null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    decide(first, asPrepared(first, Map.of("publishDecision", DisclosureLogEntry.DO_NOT_PUBLISH,
        "notPublishingReason", "Wait for the new hours to be agreed.")));

    HttpResponse<String> offered = post("/api/requests/" + older.reference() + "/disclosure-log", "olivia", null);
    assertThat(offered.statusCode()).isEqualTo(201);
    ProcessInstance second = entryOf(older);
    assertThat(json.readTree(offered.body()).get("processInstanceId").asText()).isEqualTo(second.getId());
    decide(second, asPrepared(second, Map.of()));
    JsonNode feed = json.readTree(get("/disclosure-log.json?q=Quenby").body());
    assertThat(feed.get("entries").findValuesAsText("reference")).containsExactly(older.reference());
    showsNoPersonalData(feed.toString());
  }

  @Test
  void badInputIsRefusedWithAProblemNamingTheField() throws Exception {
    on(RECEIVED);
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Otto Open", RECEIVED));
    FoiCase notHeld = FoiCase.logged(engine, FoiCase.aRequest("Nell Notheld", RECEIVED)).triagedAs(Map.of("informationHeld", false));
    notHeld.approved();

    assertThat(post("/api/requests/" + notHeld.reference() + "/disclosure-log", null, null).statusCode()).isEqualTo(401);
    assertThat(post("/api/requests/FOI-1999-00001/disclosure-log", "olivia", null).statusCode()).isEqualTo(404);
    for (FoiCase nothingToPublish : List.of(open, notHeld)) {
      HttpResponse<String> refused = post("/api/requests/" + nothingToPublish.reference() + "/disclosure-log", "olivia", null);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(refused.body()).get("errors").get("caseReference").asText())
          .contains(nothingToPublish.reference());
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DisclosureLogEntry.PROCESS_KEY)
          .processInstanceBusinessKey(nothingToPublish.reference()).count()).isZero();
    }

    for (String[] bad : List.of(new String[] {"from=2023-06-30&to=2023-06-01", "from"}, new String[] {"from=30-06-2023", "from"},
        new String[] {"size=0", "size"}, new String[] {"page=-1", "page"}, new String[] {"q=" + "x".repeat(201), "q"})) {
      HttpResponse<String> refused = get("/disclosure-log.json?" + bad[0]);
      assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).as(bad[0]).hasValue("application/problem+json");
      assertThat(json.readTree(refused.body()).get("errors").has(bad[1])).as(bad[0]).isTrue();
    }
    HttpResponse<String> page = get("/disclosure-log?from=not-a-date");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Answered from: must be a date as DD/MM/YYYY or YYYY-MM-DD");
    // dates are typed the UK way, never month first: 01/06/2023 is the 1st of June, 31/06/2023 no date at all
    HttpResponse<String> typed = get("/disclosure-log?from=01/06/2023&to=30/06/2023");
    assertThat(typed.statusCode()).isEqualTo(200);
    assertThat(typed.body()).contains("value=\"01/06/2023\"", "value=\"30/06/2023\"");
    assertThat(get("/disclosure-log?from=31/06/2023").statusCode()).isEqualTo(400);
    // text typed into the search comes back escaped, never as markup
    HttpResponse<String> script = get("/disclosure-log?q=" + encoded("<script>alert(1)</script>"));
    assertThat(script.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void anApprovalSubmittedOverTheEngineApiIsCheckedLikeOneFromTasklist() throws Exception {
    FoiCase foi = released("Footpath closures", "the Wickerby footpath closure orders", "FULL");
    ProcessInstance entry = entryOf(foi);
    String taskId = approval(entry).getId();
    String rest = "/engine-rest/engine/" + engine.getName() + "/task/" + taskId;
    assertThat(post(rest + "/claim", "oscar", "{\"userId\":\"oscar\"}").statusCode()).isEqualTo(204);
    String proposed = text(entry, "publishedRequest");
    String request = json.writeValueAsString(proposed);
    String response = json.writeValueAsString(text(entry, "publishedResponse"));

    HttpResponse<String> named = post(rest + "/complete", "oscar", "{\"variables\":{"
        + "\"publishDecision\":{\"value\":\"PUBLISH\"},\"publishedResponse\":{\"value\":" + response + "},"
        + "\"publishedRequest\":{\"value\":" + json.writeValueAsString(proposed + " Zebedee Quuxworth") + "}}}");
    assertThat(named.statusCode()).isEqualTo(400);
    assertThat(json.readTree(named.body()).get("errors").get("publishedRequest").asText()).contains("name");
    HttpResponse<String> notText = post(rest + "/complete", "oscar", "{\"variables\":{"
        + "\"publishDecision\":{\"value\":\"PUBLISH\"},\"publishedRequest\":{\"value\":" + request + "},"
        + "\"publishedResponse\":{\"value\":{\"text\":\"an object\"}}}}");
    assertThat(notText.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notText.body()).get("errors").has("publishedResponse")).isTrue();
    assertThat(json.readTree(get("/disclosure-log.json?q=Wickerby").body()).get("total").asLong()).isZero();

    HttpResponse<String> approved = post(rest + "/complete", "oscar", "{\"variables\":{"
        + "\"publishDecision\":{\"value\":\"PUBLISH\"},\"publishedRequest\":{\"value\":" + request + "},"
        + "\"publishedResponse\":{\"value\":" + response + "}}}");
    assertThat(approved.statusCode()).isEqualTo(204);
    JsonNode published = json.readTree(get("/disclosure-log.json?q=Wickerby").body()).get("entries").get(0);
    assertThat(published.get("request").asText()).isEqualTo(proposed.strip())
        .contains("Wickerby footpath closure orders");
    showsNoPersonalData(published.toString());
  }
}
