package org.foiflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.RequesterAsksAgain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case page's requests in context: #requester-history, #similar (with precedent and the earlier letter), #links
 * with its add-a-link and remove forms, and the round robin line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequestsInContextPageTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theRequestersOtherRequestAndTheSimilarOneShowWithTheirOutcomeExemptionsAndLetter() throws Exception {
    RequesterAsksAgain two = RequesterAsksAgain.logged(engine);
    StaffBrowser officer = signedIn("olivia");
    String html = officer.get("/cases/" + two.now().reference()).body();

    String history = section(html, "requester-history");
    assertThat(history).contains("href=\"/cases/" + two.earlier().reference() + "\"", "CCTV policy",
        "Granted in part", "Within 60 working days", "Same email and name",
        UkTimes.day(LocalDate.now(ZoneId.of("Europe/London")).minusDays(3)));
    String similar = section(html, "similar");
    assertThat(similar).contains("href=\"/cases/" + two.earlier().reference() + "\"", "%", "Same requester",
        "Granted in part", "Section 31", "Read the letter",
        "href=\"/api/requests/" + two.earlier().reference() + "/letters/");
    assertThat(similar).containsPattern("letters/letter\\d+\\.pdf");
    assertThat(similar).doesNotContain(">" + two.now().reference() + "<");
    assertThat(html).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}</td>");
  }

  @Test
  void anOfficerLinksTheCaseThroughTheFormAndTheOtherCaseShowsItTheOtherWayRound() throws Exception {
    RequesterAsksAgain two = RequesterAsksAgain.logged(engine);
    String now = two.now().reference();
    String earlier = two.earlier().reference();
    StaffBrowser officer = signedIn("olivia");
    assertThat(section(officer.get("/cases/" + now).body(), "links")).contains("This case is not linked to another.",
        "Link another case");

    HttpResponse<String> refused = officer.postForm("/cases/" + now + "/links",
        form("other", "FOI-2026-99999", "kind", "REVIEW_OF", "note", ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(section(refused.body(), "links")).contains("The link was not recorded",
        "no FOI request has the reference FOI-2026-99999", "value=\"FOI-2026-99999\"");

    HttpResponse<String> posted = officer.postForm("/cases/" + now + "/links",
        form("other", earlier, "kind", "REVIEW_OF", "note", "Asks again after the part refusal"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    assertThat(section(officer.get("/cases/" + now).body(), "links")).contains("Review of",
        "href=\"/cases/" + earlier + "\"", "Asks again after the part refusal", "by olivia", "Remove");
    assertThat(section(officer.get("/cases/" + earlier).body(), "links")).contains("Reviewed in",
        "href=\"/cases/" + now + "\"");

    // an approver reads the links but has no forms
    StaffBrowser approver = signedIn("amira");
    String approversView = section(approver.get("/cases/" + earlier).body(), "links");
    assertThat(approversView).contains("Reviewed in").doesNotContain("Link another case", "Remove");
    assertThat(approver.csrfToken()).isNotNull();
    assertThat(approver.postForm("/cases/" + now + "/links", form("other", earlier, "kind", "RELATED",
        "note", "")).statusCode()).isEqualTo(403);

    HttpResponse<String> removed = officer.postForm("/cases/" + earlier + "/links/" + now + "/REVIEW_OF/removal", "");
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(section(officer.get("/cases/" + now).body(), "links")).contains("This case is not linked to another.");
  }

  @Test
  void aRequestInARoundRobinSaysHowManyThereAreAndWhoHandlesThem() throws Exception {
    RequesterAsksAgain two = RequesterAsksAgain.logged(engine);
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO foi_round_robin (id, first_reference, officer, created_at) VALUES (?, ?, 'oscar', ?)",
        id, two.earlier().reference(), Timestamp.from(Instant.now()));
    jdbc.update("UPDATE foi_case SET round_robin_id = ? WHERE reference IN (?, ?)", id, two.earlier().reference(),
        two.now().reference());
    String links = section(signedIn("maya").get("/cases/" + two.now().reference()).body(), "links");
    assertThat(links).contains("href=\"/round-robins/" + id + "\"",
        "One of 2 near-identical requests: handled by oscar");
  }

  private StaffBrowser signedIn(String user) throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    assertThat(browser.signIn(user, "demo").statusCode()).isEqualTo(302);
    return browser;
  }

  /** The section whose heading has this id, up to the next section. */
  private static String section(String html, String id) {
    int start = html.indexOf("<h2 id=\"" + id + "\"");
    assertThat(start).as("section " + id).isNotNegative();
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }

  private static String form(String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }
}
