package org.foiflow.contributionpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.casepage.UkTimes;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.documents.SampleFiles;
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
 * The contribution page over HTTP: a unit member reads the request (never the requester) and adds documents while
 * the unit's task is open; everyone else but the FOI team is told there is no such page; the case page then shows
 * the contribution and its documents under the unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ContributionPageTest {


  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(engine.getIdentityService());
  }

  /** The contribution the unit's open task is for (local to the unit's instance of the sub-process). */
  private String contributionOf(FoiCase foi, String unit) {
    return (String) engine.getRuntimeService().getVariable(foi.unitTask(unit).getExecutionId(), "contributionId");
  }

  private FoiCase atLocate(String requestText) {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine,
        FoiCase.aRequest("Pat Requester", today).putValue("requestText", requestText))));
    return logged.get().validAndHeld();
  }

  private StaffBrowser signedIn(String user, String password) throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    assertThat(browser.signIn(user, password).statusCode()).isEqualTo(302);
    return browser;
  }

  private HttpResponse<String> upload(StaffBrowser browser, String contributionId, String fileName, byte[] pdf,
                                      boolean withCsrfToken) throws Exception {
    HttpRequest.Builder request = BasicAuthCalls.fileUpload("http://localhost:" + port + "/contributions/"
        + contributionId + "/documents", "file", fileName, pdf, null, null).header("Accept", "application/json");
    if (withCsrfToken) {
      request.header(StaffBrowser.CSRF_HEADER, browser.csrfToken());
    }
    return browser.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aUnitMemberReadsTheRequestWithoutTheRequesterAndAddsADocumentTheCasePageShowsUnderTheUnit() throws Exception {
    String marker = UUID.randomUUID().toString();
    FoiCase foi = atLocate("Please send the road inspection records for Mill Lane <b>" + marker + "</b>.");
    foi.askedUnits(FoiCase.HIGHWAYS);
    Task task = foi.unitTask(FoiCase.HIGHWAYS);
    String contribution = contributionOf(foi, FoiCase.HIGHWAYS);
    LocalDate dueOn = jdbc.queryForObject("SELECT due_on FROM foi_contribution WHERE id = ?", java.sql.Date.class,
        contribution).toLocalDate();

    StaffBrowser hugo = signedIn(FoiCase.HIGHWAYS_MEMBER, "demo");
    HttpResponse<String> page = hugo.get("/contributions/" + contribution);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(foi.reference(), "CCTV policy", "Highways", UkTimes.day(dueOn),
            "&lt;b&gt;" + marker, "Your unit has not added a document yet.", "data-upload=\"/contributions/" + contribution
            + "/documents\"", "/case-documents.js", "#/?task=" + task.getId())
        // applicant-blind: nothing of the requester
        .doesNotContain("Pat Requester", "pat.requester@example.org");

    byte[] pdf = SampleFiles.pdf(List.of(List.of("Mill Lane inspections " + marker)));
    HttpResponse<String> added = upload(hugo, contribution, "Mill Lane inspections.pdf", pdf, true);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(added.body()).contains("\"fileName\":\"Mill Lane inspections.pdf\"", "\"pages\":1");

    assertThat(hugo.get("/contributions/" + contribution).body())
        .contains("Mill Lane inspections.pdf", "hugo (Highways)", UkTimes.day(today));
    // an undecided document of the case, added by the unit: not something hugo takes part in assessing
    assertThat(jdbc.queryForObject("SELECT decision FROM foi_document d JOIN foi_contribution_document l"
        + " ON l.document_id = d.id WHERE l.contribution_id = ?", String.class, contribution)).isEqualTo("UNDECIDED");

    foi.unitProvided(FoiCase.HIGHWAYS, FoiCase.HIGHWAYS_MEMBER, "Inspection records 2025 for Mill Lane, " + marker,
        2.5, "s31");
    String casePage = signedIn("olivia", "demo").get("/cases/" + foi.reference()).body();
    assertThat(casePage).contains("id=\"contributions\"", "Highways", "Mill Lane inspections.pdf",
        "Provided the information", "Inspection records 2025 for Mill Lane, " + marker, "by hugo", "2.5",
        "Added by hugo (Highways)", "Recommends: Section 31", UkTimes.day(dueOn));
  }

  @Test
  void anUploadWithoutTheSessionsCsrfTokenIsRefusedAndAddsNothing() throws Exception {
    FoiCase foi = atLocate("Please send the gritting schedule. " + UUID.randomUUID());
    String contribution = contributionOf(foi.askedUnits(FoiCase.HIGHWAYS), FoiCase.HIGHWAYS);
    StaffBrowser hugo = signedIn(FoiCase.HIGHWAYS_MEMBER, "demo");
    hugo.get("/contributions/" + contribution);

    HttpResponse<String> forged = upload(hugo, contribution, "forged.pdf",
        SampleFiles.pdf(List.of(List.of("forged"))), false);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_contribution_document WHERE contribution_id = ?",
        Long.class, contribution)).isZero();
  }

  @Test
  void anOutsiderAMemberOfAnotherUnitAndAnUnknownIdGetNoSuchPage() throws Exception {
    FoiCase foi = atLocate("Please send the bridge survey. " + UUID.randomUUID());
    String contribution = contributionOf(foi.askedUnits(FoiCase.HIGHWAYS), FoiCase.HIGHWAYS);

    StaffBrowser outsider = signedIn(Outsider.USER, Outsider.PASSWORD);
    StaffBrowser carla = signedIn(FoiCase.CCTV_MEMBER, "demo");
    for (StaffBrowser stranger : List.of(outsider, carla)) {
      HttpResponse<String> page = stranger.get("/contributions/" + contribution);
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).contains("No such page").doesNotContain(foi.reference());
      assertThat(upload(stranger, contribution, "sneaky.pdf", SampleFiles.pdf(List.of(List.of("sneaky"))), true)
          .statusCode()).isEqualTo(404);
    }
    assertThat(signedIn(FoiCase.HIGHWAYS_MEMBER, "demo").get("/contributions/" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aUnitMemberAfterTheTaskIsDoneGetsNoSuchPageWhileTheOfficerStillReadsIt() throws Exception {
    FoiCase foi = atLocate("Please send the street lighting contract. " + UUID.randomUUID());
    foi.askedUnits(FoiCase.HIGHWAYS);
    String contribution = contributionOf(foi, FoiCase.HIGHWAYS);
    foi.unitProvided(FoiCase.HIGHWAYS, FoiCase.HIGHWAYS_MEMBER, "The contract, 40 pages.", 1);

    StaffBrowser hugo = signedIn(FoiCase.HIGHWAYS_MEMBER, "demo");
    assertThat(hugo.get("/contributions/" + contribution).statusCode()).isEqualTo(404);
    assertThat(upload(hugo, contribution, "late.pdf", SampleFiles.pdf(List.of(List.of("late"))), true).statusCode())
        .isEqualTo(404);

    HttpResponse<String> officer = signedIn("olivia", "demo").get("/contributions/" + contribution);
    assertThat(officer.statusCode()).isEqualTo(200);
    assertThat(officer.body()).contains(foi.reference(), "The unit has answered").doesNotContain("id=\"drop-zone\"");
  }
}
