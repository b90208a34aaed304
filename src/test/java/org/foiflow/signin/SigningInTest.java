package org.foiflow.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.StaffBrowser;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Staff sign in once, wherever they start: on foiflow's sign-in page or Tasklist's login, the same session opens the
 * deadline page, foiflow's API and the webapps; signing out of either signs out of both. Scripts send HTTP basic auth
 * on each call and start no session. Calls that change something with the session need its CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SigningInTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();

  private String webappUser(StaffBrowser browser) throws Exception {
    HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/" + engine.getName());
    return who.statusCode() == 200 ? json.readTree(who.body()).path("userId").asText() : null;
  }

  @Test
  void aStaffPageSendsABrowserToSignInAndBackAndTasklistThenNeedsNoLogin() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> deadlines = browser.get("/deadlines.html");
    assertThat(deadlines.statusCode()).isEqualTo(302);
    assertThat(deadlines.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> page = browser.get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"en-GB\"", "<label for=\"username\">", "name=\"_csrf\"");

    HttpResponse<String> signedIn = browser.signIn("maya", "demo");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/deadlines.html");
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(200);
    assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(200);
    // the webapps see the same sign-in: Tasklist opens without its login form
    assertThat(webappUser(browser)).isEqualTo("maya");
  }

  @Test
  void aWrongPasswordOnTheSignInPageIsSaidBesideTheFormAndSignsNobodyIn() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    // a user of this scenario's own: a wrong password delays the user's next sign-in, which others would meet
    if (engine.getIdentityService().createUserQuery().userId("sid").count() == 0) {
      User sid = engine.getIdentityService().newUser("sid");
      sid.setPassword("sid's password");
      engine.getIdentityService().saveUser(sid);
      engine.getIdentityService().createMembership("sid", FoiGroups.OFFICERS);
    }
    HttpResponse<String> refused = browser.signIn("sid", "not his password");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    HttpResponse<String> page = browser.get("/login?error");
    assertThat(page.body()).contains("There is a problem", "aria-invalid=\"true\"").doesNotContain("not his password");
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(302);
    assertThat(webappUser(browser)).isNull();
  }

  @Test
  void aLoginToTasklistOpensTheDeadlinePageAndTheApiWithoutAnotherLogin() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIntoTasklist(engine.getName(), "maya", "demo");
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(200);
    HttpResponse<String> deadlines = browser.json("GET", "/api/deadlines", null, false);
    assertThat(deadlines.statusCode()).isEqualTo(200);
    assertThat(deadlines.body()).startsWith("{");
  }

  @Test
  void signingOutOfTasklistSignsOutOfFoiflowsPagesToo() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("olivia", "demo");
    assertThat(webappUser(browser)).isEqualTo("olivia");
    HttpResponse<String> out = browser.client().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/camunda/api/admin/auth/user/" + engine.getName() + "/logout"))
        .header("X-XSRF-TOKEN", String.valueOf(browser.webappCsrfToken()))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(302);
    assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutOfFoiflowSignsOutOfTasklistToo() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("olivia", "demo");
    HttpResponse<String> withoutToken = browser.client().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/logout")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).as("a forged sign-out is refused").isEqualTo(403);
    assertThat(webappUser(browser)).isEqualTo("olivia");

    HttpResponse<String> out = browser.postForm("/logout", "");
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
    assertThat(browser.get("/login?signedOut").body()).contains("You have signed out.");
    assertThat(webappUser(browser)).isNull();
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(302);
  }

  @Test
  void aChangeMadeWithTheSessionNeedsItsCsrfToken() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("olivia", "demo");
    HttpResponse<String> forged = browser.json("POST", "/api/requests", "{}", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(forged.body()).path("detail").asText()).contains("CSRF token");
    // the engine's REST API takes the same session and holds the same rule
    HttpResponse<String> forgedClaim = browser.json("POST", "/engine-rest/engine/" + engine.getName()
        + "/task/no-such-task/claim", "{\"userId\":\"olivia\"}", false);
    assertThat(forgedClaim.statusCode()).isEqualTo(403);
    assertThat(json.readTree(forgedClaim.body()).path("detail").asText()).contains("CSRF token");
    // with the token the call reaches foiflow's rules: an empty request is refused field by field
    HttpResponse<String> made = browser.json("POST", "/api/requests", "{}", true);
    assertThat(made.statusCode()).isEqualTo(400);
    assertThat(json.readTree(made.body()).path("errors").has("request")).as(made.body()).isTrue();
  }

  @Test
  void scriptsUseBasicAuthOnEachCallAndStartNoSession() throws Exception {
    HttpClient script = HttpClient.newHttpClient();
    HttpResponse<String> answer = script.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/deadlines",
        "GET", null, "maya", "demo").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

    HttpResponse<String> noLogin = script.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/deadlines")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noLogin.statusCode()).isEqualTo(401);
    assertThat(noLogin.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
    assertThat(noLogin.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

    // a browser's page is never answered with a password prompt
    HttpResponse<String> fromAPage = script.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/deadlines")).header("Sec-Fetch-Mode", "cors").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fromAPage.statusCode()).isEqualTo(401);
    assertThat(fromAPage.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void aUserDeletedAfterSigningInIsSignedOutOnceTheWebappsRecheck() throws Exception {
    IdentityService identity = engine.getIdentityService();
    User nina = identity.newUser("nina");
    nina.setPassword("nina's password");
    identity.saveUser(nina);
    identity.createMembership("nina", FoiGroups.MANAGERS);
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIn("nina", "nina's password");
    assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(200);

    identity.deleteUser("nina");
    try {
      // past the webapps' sign-in cache (camunda.bpm.webapp.auth.cache, five minutes)
      ClockUtil.offset(6 * 60 * 1000L);
      assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(401);
      assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(302);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void thePublicDisclosureLogNeedsNoSignIn() throws Exception {
    assertThat(new StaffBrowser(port).get("/disclosure-log").statusCode()).isEqualTo(200);
  }
}
