package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Wrong passwords slow a guesser down but lock nobody out: anyone can send wrong passwords for any user id,
 * so a lock that needs an administrator to lift would let anyone shut any colleague out. Every refused login
 * is logged with the user id and the caller's address, never the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private long clockOffset;

  private void officer(String id, String password) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setPassword(password);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, FoiGroups.OFFICERS);
    }
  }

  /** Moves the engine's clock past the longest login delay, as a patient guesser would wait. */
  private void afterTheLoginDelay() {
    clockOffset += (configuration().getLoginDelayMaxTime() + 1) * 1000L;
    ClockUtil.offset(clockOffset);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void noCountOfWrongPasswordsLocksAUserAndNoDelayExceedsTwoMinutes() {
    // Camunda's default locks for good after 10
    assertThat(configuration().getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration().getLoginDelayBase()).isPositive();
    assertThat(configuration().getLoginDelayMaxTime()).isBetween(1, 120);
  }

  @Test
  void fifteenWrongPasswordsDelayButDoNotLockTheUser(CapturedOutput output) throws Exception {
    officer("tess", "tess's real password");
    for (int guess = 1; guess <= 15; guess++) {
      // each guess once the last one's delay is over, so that each counts as a failed attempt
      afterTheLoginDelay();
      assertThat(BasicAuth.login(port, "tess", "guess number " + guess)).isEqualTo(401);
    }
    // right after a wrong guess even the right password waits for the delay...
    assertThat(BasicAuth.login(port, "tess", "tess's real password")).isEqualTo(401);
    // ...and is accepted once it is over, with no administrator involved
    afterTheLoginDelay();
    assertThat(BasicAuth.login(port, "tess", "tess's real password")).isEqualTo(200);

    assertThat(output.getOut().lines()
        .filter(line -> line.contains("WARN") && line.contains("Failed login for user 'tess' from 127.0.0.1 (HTTP basic auth)")))
        .hasSize(16);
    assertThat(output.getOut()).doesNotContain("guess number", "real password");
  }

  @Test
  void aRefusedLoginToTasklistIsLogged(CapturedOutput output) throws Exception {
    officer("wendy", "wendy's real password");
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String auth = "http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/" + engine.getName();
    // as Tasklist's login page does: a first call for the session's CSRF token
    String csrfToken = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(),
        HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    assertThat(webappLogin(browser, auth, csrfToken, "wendy", "a wrong guess")).isEqualTo(401);
    assertThat(output.getOut()).contains("Failed login for user 'wendy' from 127.0.0.1 (webapp login)")
        .doesNotContain("a wrong guess");

    afterTheLoginDelay();
    assertThat(webappLogin(browser, auth, csrfToken, "wendy", "wendy's real password")).isEqualTo(200);
  }

  private static int webappLogin(HttpClient browser, String auth, String csrfToken, String user, String password)
      throws Exception {
    String form = "username=" + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
        + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create(auth + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
