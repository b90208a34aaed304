package org.foiflow.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.foiflow.http.StaffBrowser;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on with the organisation's identity provider: a real OpenID Connect server (mock-oauth2-server) runs
 * beside foiflow. A member of staff who signs in there reaches the deadline page and Tasklist as the Camunda user the
 * ID token names, in the Camunda groups its groups claim lists, brought up to date at each sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SingleSignOnTest {

  private static final String PROVIDER = "council";
  private static final String CLIENT_ID = "foiflow";
  private static final MockOAuth2Server IDENTITY_PROVIDER = new MockOAuth2Server();

  static {
    IDENTITY_PROVIDER.start();
  }

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry properties) {
    String registration = "spring.security.oauth2.client.registration." + PROVIDER + ".";
    properties.add(registration + "client-id", () -> CLIENT_ID);
    properties.add(registration + "client-secret", () -> "a secret of the test's");
    properties.add(registration + "client-name", () -> "Example Borough Council account");
    properties.add(registration + "scope", () -> "openid,profile,email");
    properties.add("spring.security.oauth2.client.provider." + PROVIDER + ".issuer-uri",
        () -> IDENTITY_PROVIDER.issuerUrl(PROVIDER).toString());
  }

  @AfterAll
  static void stopIdentityProvider() {
    IDENTITY_PROVIDER.shutdown();
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  /** The identity provider will say the next sign-in is this person, in these groups. */
  private static void nextSignInIs(String userId, List<String> groups) {
    IDENTITY_PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "subject-" + userId, "JWT",
        List.of(CLIENT_ID), Map.of("preferred_username", userId, "groups", groups, "given_name", "Sam",
            "family_name", "Singh", "email", userId + "@example.gov.uk"), 3600));
  }

  /** From a staff page through the identity provider and back; returns the browser, signed in. */
  private StaffBrowser signInThroughTheIdentityProvider() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(302);
    HttpResponse<String> signInPage = browser.get("/login");
    String link = "/oauth2/authorization/" + PROVIDER;
    assertThat(signInPage.body()).contains("href=\"" + link + "\"", "Example Borough Council account");

    HttpResponse<String> toProvider = browser.get(link);
    assertThat(toProvider.headers().firstValue("Location").orElseThrow())
        .startsWith(IDENTITY_PROVIDER.issuerUrl(PROVIDER).toString());
    HttpResponse<String> backWithCode = browser.follow(toProvider);
    assertThat(backWithCode.headers().firstValue("Location").orElseThrow()).contains("/login/oauth2/code/" + PROVIDER);
    HttpResponse<String> signedIn = browser.follow(backWithCode);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/deadlines.html");
    return browser;
  }

  private List<String> groupsOf(String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .sorted().toList();
  }

  @Test
  void aManagerSignedInByTheIdentityProviderSeesTheDeadlinesAndTasklist() throws Exception {
    nextSignInIs("sam", List.of(FoiGroups.MANAGERS, "payroll-team"));
    StaffBrowser browser = signInThroughTheIdentityProvider();

    assertThat(browser.get("/deadlines.html").statusCode()).isEqualTo(200);
    assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(200);
    HttpResponse<String> webapp = browser.get("/camunda/api/admin/auth/user/" + engine.getName());
    assertThat(webapp.body()).contains("\"userId\":\"sam\"", "tasklist");

    IdentityService identity = engine.getIdentityService();
    User sam = identity.createUserQuery().userId("sam").singleResult();
    assertThat(sam.getEmail()).isEqualTo("sam@example.gov.uk");
    // groups foiflow does not know are left out; no password works, so no sign-in but the identity provider's
    assertThat(groupsOf("sam")).containsExactly(FoiGroups.MANAGERS);
    assertThat(identity.checkPassword("sam", "")).isFalse();
  }

  @Test
  void eachSignInBringsTheGroupsUpToDate() throws Exception {
    nextSignInIs("sasha", List.of(FoiGroups.OFFICERS, FoiGroups.MANAGERS));
    signInThroughTheIdentityProvider();
    assertThat(groupsOf("sasha")).containsExactlyInAnyOrder(FoiGroups.OFFICERS, FoiGroups.MANAGERS);

    // moved out of management: the next sign-in takes the group away, and the manager's statistics with it
    nextSignInIs("sasha", List.of(FoiGroups.OFFICERS));
    StaffBrowser browser = signInThroughTheIdentityProvider();
    assertThat(groupsOf("sasha")).containsExactly(FoiGroups.OFFICERS);
    assertThat(browser.json("GET", "/api/deadlines", null, false).statusCode()).isEqualTo(200);
  }
}
