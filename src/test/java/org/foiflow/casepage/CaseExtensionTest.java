package org.foiflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.Outsider;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The case page's "Extend the deadline" form, posted as a signed-in browser does: session cookie and CSRF token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CaseExtensionTest {

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  @BeforeEach
  void anOutsider() {
    Outsider.signedUp(identityService);
  }

  private FoiCase loggedToday(String regime) {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine,
        FoiCase.aRequest("Sam Extension", LocalDate.now(ZoneId.of("Europe/London"))).putValue("regime", regime))));
    return logged.get();
  }

  /** Signed in and on the case page, as someone about to use its form is (the page hands out the CSRF token). */
  private StaffBrowser onTheCasePage(FoiCase foi, String user, String password) throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn(user, password);
    browser.get("/cases/" + foi.reference());
    return browser;
  }

  private static String form(String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  @Test
  void anOfficerExtendsForThePublicInterestTestAndTheCasePageShowsTheNewDueDate() throws Exception {
    FoiCase foi = loggedToday("FOIA");
    LocalDate due = LocalDate.parse((String) foi.variable("dueOn"));
    LocalDate later = due.plusDays(14);
    StaffBrowser officer = onTheCasePage(foi, FoiCase.OFFICER, "demo");

    String page = officer.get("/cases/" + foi.reference()).body();
    assertThat(page).contains("id=\"extend\"", "Time to consider the public interest (s.10(3) FOIA)",
        "name=\"_csrf\"", "Section 31: Law enforcement").doesNotContain("reg 7(1) EIR", "Regulation 12");

    HttpResponse<String> posted = officer.postForm("/cases/" + foi.reference() + "/extension", form(
        "kind", "PUBLIC_INTEREST", "reason", "Counsel's advice on the s.31 balance", "exemption", "s31",
        "extendedDueOn", TYPED.format(later)));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    assertThat(foi.variable("dueOn")).isEqualTo(later.toString());
    assertThat(foi.variable("originalDueOn")).isEqualTo(due.toString());
    String after = officer.follow(posted).body();
    assertThat(after).contains("The deadline has been extended", UkTimes.day(later.toString()));
  }

  @Test
  void anEirCaseIsOfferedOnlyTheComplexAndVoluminousExtension() throws Exception {
    FoiCase foi = loggedToday("EIR");
    StaffBrowser officer = onTheCasePage(foi, FoiCase.OFFICER, "demo");

    assertThat(officer.get("/cases/" + foi.reference()).body())
        .contains("reg 7(1) EIR", "value=\"EIR_COMPLEX\"").doesNotContain("s.10(3) FOIA)", "extension-exemption");

    HttpResponse<String> posted = officer.postForm("/cases/" + foi.reference() + "/extension", form(
        "kind", "EIR_COMPLEX", "reason", "Thousands of monitoring records across eight sites"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    assertThat(foi.variable("extensionKind")).isEqualTo("EIR_COMPLEX");
  }

  @Test
  void aMissingReasonAndDateAreRefusedBesideTheirFields() throws Exception {
    FoiCase foi = loggedToday("FOIA");
    String due = (String) foi.variable("dueOn");
    StaffBrowser officer = onTheCasePage(foi, FoiCase.OFFICER, "demo");

    HttpResponse<String> refused = officer.postForm("/cases/" + foi.reference() + "/extension", form(
        "kind", "PUBLIC_INTEREST", "reason", " ", "exemption", "s31", "extendedDueOn", "31/02/2027"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("The deadline was not extended", "the reason for the extension is required",
        "must be a date as DD/MM/YYYY or YYYY-MM-DD", "value=\"31/02/2027\"")
        .doesNotContain("Exception", "ENGINE-");
    assertThat(foi.variable("dueOn")).isEqualTo(due);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
    FoiCase foi = loggedToday("FOIA");
    String due = (String) foi.variable("dueOn");
    StaffBrowser officer = onTheCasePage(foi, FoiCase.OFFICER, "demo");

    HttpResponse<String> forged = officer.client().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/cases/" + foi.reference() + "/extension"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("kind", "PUBLIC_INTEREST", "reason", "Forged",
            "exemption", "s31", "extendedDueOn", TYPED.format(LocalDate.parse(due).plusDays(10))))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(foi.variable("dueOn")).isEqualTo(due);
  }

  @Test
  void someoneOutsideTheFoiTeamCannotExtend() throws Exception {
    FoiCase foi = loggedToday("FOIA");
    String due = (String) foi.variable("dueOn");
    StaffBrowser outsider = onTheCasePage(foi, Outsider.USER, Outsider.PASSWORD);

    HttpResponse<String> refused = outsider.postForm("/cases/" + foi.reference() + "/extension", form(
        "kind", "PUBLIC_INTEREST", "reason", "Not mine to give", "exemption", "s31",
        "extendedDueOn", TYPED.format(LocalDate.parse(due).plusDays(10))));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot see FOI cases").doesNotContain("Sam Extension");
    assertThat(foi.variable("dueOn")).isEqualTo(due);
  }
}
