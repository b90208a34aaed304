package org.foiflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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

/** The case page over HTTP against the running application, with real users, their groups and real cases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CasePageTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient script = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  /** A case logged by an officer, assessed under s.31 with its harm and public interest tests, now at approval. */
  private FoiCase atApproval(String requestText) {
    VariableMap request = FoiCase.aRequest("Pat Requester", LocalDate.now(ZoneId.of("Europe/London")));
    request.putValue("requestText", requestText);
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine, request)));
    return logged.get().validAndHeld().located().assessed("PART", "s31").harmShown("WOULD")
        .publicInterestBalanced("WITHHOLD");
  }

  private HttpResponse<String> asScript(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", BasicAuthCalls.authorization(user, password));
    }
    return script.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theContributionsConsultationsAndClearanceSectionsShowEachStepWithUkDates() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV contract. " + UUID.randomUUID());
    String instance = foi.instance().getId();
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_by, asked_on,"
            + " due_on, reminded_at, escalated_at, answered_at, answered_by, answer, what_held, recommended_exemptions,"
            + " hours_spent, late, caused_late_response) VALUES (?, ?, ?, 'bu-casepage-cctv', 'olivia', ?, ?, ?, ?, ?,"
            + " 'carla', 'PROVIDED', ?, 's43-2', 3.5, TRUE, FALSE)", UUID.randomUUID().toString(), foi.reference(),
        instance, java.sql.Date.valueOf("2026-05-01"), java.sql.Date.valueOf("2026-05-14"),
        Timestamp.from(Instant.parse("2026-05-13T08:00:00Z")), Timestamp.from(Instant.parse("2026-05-15T08:00:00Z")),
        Timestamp.from(Instant.parse("2026-05-18T09:30:00Z")), "The contract with Acme Ltd. ".repeat(10));
    jdbc.update("INSERT INTO foi_contribution (id, reference, process_instance_id, unit_group_id, asked_on, due_on,"
            + " answered_at, answer, suggestion) VALUES (?, ?, ?, 'bu-casepage-hr', ?, ?, ?, 'HANDED_BACK',"
            + " 'Finance hold the contract register')", UUID.randomUUID().toString(), foi.reference(), instance,
        java.sql.Date.valueOf("2026-05-01"), java.sql.Date.valueOf("2026-05-14"),
        Timestamp.from(Instant.parse("2026-05-05T10:00:00Z")));
    engine.getRuntimeService().setVariable(instance, "consultations", new java.util.ArrayList<>(java.util.List.of(
        new java.util.LinkedHashMap<>(Map.of("consulteeName", "Acme Ltd", "consulteeEmail", "legal@acme.example",
            "interest", "S43", "details", "Their prices in the contract", "askedOn", "2026-05-04",
            "replyDueOn", "2026-05-18", "view", "OBJECTS", "viewSummary", "Prices are a trade secret <i>now</i>.",
            "viewReceivedOn", "2026-05-11")))));
    engine.getRuntimeService().setVariable(instance, "clearances", new java.util.ArrayList<>(java.util.List.of(
        new java.util.LinkedHashMap<>(Map.of("stage", "PRESS_OFFICE", "askedAt", "2026-05-20T09:00:00Z",
            "decidedAt", "2026-05-20T11:15:00Z", "decidedBy", "priya", "decision", "REQUEST_AMENDS",
            "comments", "Say which prices are withheld.")),
        new java.util.LinkedHashMap<>(Map.of("stage", "SENIOR", "askedAt", "2026-05-21T09:00:00Z")))));

    String html = asScript("/cases/" + foi.reference(), "maya", "demo").body();

    assertThat(html).contains("id=\"contributions\"", "bu-casepage-cctv", "1 May 2026", "14 May 2026",
        "13 May 2026, 09:00", "15 May 2026, 09:00", "18 May 2026, 10:30", "by carla", "Provided the information",
        "Read what the unit said", "The contract with Acme Ltd.", "Recommends: Section 43(2)", "3.5",
        "Handed back: not held by this unit", "Finance hold the contract register");
    assertThat(html).contains("id=\"consultations\"", "Acme Ltd &lt;legal@acme.example&gt;",
        "Commercial interests (s.43)", "4 May 2026", "18 May 2026", "Objects to disclosure",
        "Prices are a trade secret &lt;i&gt;now&lt;/i&gt;.", "11 May 2026");
    assertThat(html).contains("id=\"clearance\"", "Press office", "20 May 2026, 10:00", "20 May 2026, 12:15", "priya",
        "Amendments requested", "Say which prices are withheld.", "Senior clearance", "Waiting for a decision");
    assertThat(html).doesNotContain("2026-05-14", "05/14/2026");
  }

  @Test
  void aCaseWithdrawnWhileAwaitingTheFeeShowsItsOutcomeAndTheWithdrawal() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Wynn Drawer", today))
        .triagedAs(Map.of("feesPayable", true, "feePounds", 25, "feeDetails", "Printing"))
        .withdrawnWhile("AwaitingFee", today, "Said by phone they no longer need it.");
    String html = asScript("/cases/" + foi.reference(), "maya", "demo").body();
    assertThat(html).contains("Withdrawn by the requester", "Said by phone they no longer need it.", "Awaiting fee");
  }

  @Test
  void anOpenCaseAtApprovalShowsItsRequestDecisionsTimelineAndOpenTask() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy <script>alert('owned')</script> " + UUID.randomUUID());
    String approval = foi.task("ApproveResponse").getId();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () ->
        engine.getTaskService().createComment(approval, foi.instance().getId(), "Draft ready <b>for</b> a second look."));

    StaffBrowser manager = new StaffBrowser(port);
    manager.signIn("maya", "demo");
    HttpResponse<String> page = manager.get("/cases/" + foi.reference());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    String html = page.body();
    assertThat(html).contains("<html lang=\"en-GB\"", foi.reference(), "Pat Requester", "pat.requester@example.org",
        "CCTV policy", "Freedom of Information Act 2000", "Email");
    // the request as written, escaped: its markup is shown, never run
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;");
    // decisions in the forms' words
    assertThat(html).contains("Valid request under s.8", "Locate the information", "Disclose in part",
        "Section 31: Law enforcement",
        "Offenders could learn how suspects are identified from CCTV and avoid being identified.",
        "Would prejudice (more probable than not)", "Harm is shown: the exemption is engaged",
        "Openness about how the force uses CCTV builds public trust.",
        "Revealing identification tactics would help offenders evade justice.",
        "The public interest in maintaining the exemption outweighs disclosure",
        "The risk to law enforcement outweighs the general interest in transparency.");
    // the timeline: who did what, the comment escaped
    assertThat(html).contains("Request logged", "Triage", "Locate and retrieve information", "Assess exemptions",
        "Harm test (Section 31, Law enforcement)", "Public interest test (Section 31, Law enforcement)",
        ">olivia<", "Draft ready &lt;b&gt;for&lt;/b&gt; a second look.");
    assertThat(html).doesNotContain("<b>for</b>");
    // the open task, linked to Tasklist; the clock
    assertThat(html).contains("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + approval, "Approve response",
        "Running", "Working days left");
    // UK dates: the received day written out
    assertThat(html).contains(UkTimes.day(LocalDate.now(ZoneId.of("Europe/London"))));
  }

  @Test
  void aClosedCaseShowsItsOutcomeApprovalAndLettersToAScriptWithBasicAuth() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy. " + UUID.randomUUID())
        .returnedTo("DRAFT", "Please cite s.31(1)(a) <i>exactly</i>.");
    String revised = (String) foi.variable("draftLetterText");
    foi.complete("ReviseDraft", FoiCase.OFFICER, Map.of("draftLetterText", revised + "\nSection 31(1)(a) applies."));
    foi.approved();

    HttpResponse<String> page = asScript("/cases/" + foi.reference(), "olivia", "demo");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    String html = page.body();
    assertThat(html).contains("Closed", "Granted in part", "Approved and issued", ">amira<", "Issue response",
        "Revise draft response", "Case closed", "Latest comments from an approver");
    // no email server in the tests: the closed case still has its letters to print and post (issue 15)
    assertThat(html).contains("Print and post – " + foi.reference() + " (acknowledgement)",
        "Print and post – " + foi.reference() + " (response letter)", "Waiting to be printed and posted")
        .doesNotContain("No task is waiting on this case.");
    // each approval in the timeline, the first one's comments too (the case keeps only the last)
    assertThat(html).contains("Completed. Returned with comments (to the officer, to revise the letter): "
        + "Please cite s.31(1)(a) &lt;i&gt;exactly&lt;/i&gt;.", "Completed. Approved and issued");
    String letters = "/api/requests/" + foi.reference() + "/letters/";
    assertThat(html).contains(letters + "letter1.html", letters + "letter1.pdf", "Acknowledgement");
    assertThat(asScript(letters + "letter1.pdf", "olivia", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theCorrespondenceSectionShowsWhatWasReceivedAndSentWithTheMessageTextFolded() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy. " + UUID.randomUUID());
    String reply = UUID.randomUUID().toString();
    // a reply as the mailbox files it to the case (foi_correspondence, status FILED), on 3 December 2026 at 14:05
    jdbc.update("INSERT INTO foi_correspondence (id, mailbox_key, message_id, received_at, from_address, from_name,"
            + " to_address, subject, body_text, raw_size, status, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reply, "foi@mail/INBOX/1/" + reply, "<" + reply + "@example.org>",
        Timestamp.from(Instant.parse("2026-12-03T14:05:00Z")), "pat.requester@example.org",
        "Pat Requester", "foi@example.gov.uk", "Re: " + foi.reference(), "Thanks. <script>alert(1)</script>", 900L,
        "FILED", foi.reference());
    jdbc.update("INSERT INTO foi_correspondence_attachment (correspondence_id, position, file_name, content_type,"
        + " size_bytes) VALUES (?, 0, 'receipt.pdf', 'application/pdf', 12288)", reply);

    String html = asScript("/cases/" + foi.reference(), "maya", "demo").body();

    String section = html.substring(html.indexOf("<h2 id=\"correspondence\">"));
    // the acknowledgement went by post (no email server here), then the reply came
    assertThat(section.indexOf(">Sent<")).isPositive().isLessThan(section.indexOf(">Received<"));
    assertThat(section).contains("By post", "Pat Requester (by post)", foi.reference() + ": Your request for information",
        "/api/requests/" + foi.reference() + "/letters/letter1.pdf", "3 December 2026, 14:05",
        "Pat Requester &lt;pat.requester@example.org&gt;", "Re: " + foi.reference(),
        "<a href=\"/api/correspondence/" + reply + "/attachments/0\">receipt.pdf</a>", "(12 KB)",
        "<summary>Read the message</summary>", "Thanks. &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");
  }

  @Test
  void anExtensionShowsInTheClockAndTheTimeline() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy. " + UUID.randomUUID());
    LocalDate due = LocalDate.parse((String) foi.variable("dueOn"));
    HttpResponse<String> extended = script.send(BasicAuthCalls.jsonRequest(
        "http://localhost:" + port + "/api/requests/" + foi.reference() + "/extension", "POST",
        "{\"kind\":\"PUBLIC_INTEREST\",\"reason\":\"Counsel's advice on s.31\",\"exemption\":\"s31\","
            + "\"extendedDueOn\":\"" + due.plusDays(14) + "\"}", FoiCase.OFFICER, "demo").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);

    String html = asScript("/cases/" + foi.reference(), "maya", "demo").body();

    assertThat(html).contains("Public interest test (s.10(3) FOIA)", "Counsel&#39;s advice on s.31", "Section 31",
        UkTimes.day(due), UkTimes.day(due.plusDays(14)), "Extend the statutory deadline", "Send extension notice");
  }

  @Test
  void someoneOutsideTheFoiGroupsIsRefusedInPlainWords() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy. " + UUID.randomUUID());

    HttpResponse<String> refused = asScript("/cases/" + foi.reference(), Outsider.USER, Outsider.PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot see FOI cases").doesNotContain("Pat Requester", "Exception");
  }

  @Test
  void anUnknownReferenceIsAPlainNotFoundPage() throws Exception {
    HttpResponse<String> missing = asScript("/cases/FOI-1999-99999", "maya", "demo");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such case", "FOI-1999-99999").doesNotContain("Exception", "at org.");
  }

  @Test
  void aDocumentPageForNoSuchDocumentIsAPlainNotFoundPageAndRefusedToOutsiders() throws Exception {
    FoiCase foi = atApproval("Please send the CCTV policy. " + UUID.randomUUID());

    HttpResponse<String> missing = asScript("/cases/" + foi.reference() + "/documents/no-such-document", "maya", "demo");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such document", foi.reference()).doesNotContain("Exception", "at org.");

    HttpResponse<String> refused = asScript("/cases/" + foi.reference() + "/documents/no-such-document",
        Outsider.USER, Outsider.PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot see FOI cases").doesNotContain("Pat Requester");
  }

  @Test
  void withoutASignInABrowserIsSentToSignInAndAWrongPasswordIsRefused() throws Exception {
    HttpResponse<String> browser = new StaffBrowser(port).get("/cases/FOI-2026-00001");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

    assertThat(asScript("/cases/FOI-2026-00001", "no-such-user", "wrong").statusCode()).isEqualTo(401);
  }
}
