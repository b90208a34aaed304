package org.foiflow.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.foiflow.http.BasicAuthCalls;

/**
 * The doors a member of staff can knock on with their login: the engine's REST API with HTTP basic auth, and the
 * webapps' own engine API (/camunda/api/engine) with Tasklist's session and CSRF token, as the browser uses it.
 */
public final class StaffDoors {

  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
  }

  private final int port;
  private final String engineName;

  public StaffDoors(int port, String engineName) {
    this.port = port;
    this.engineName = engineName;
  }

  /** {@code path} below the engine, e.g. "/task/123/claim". */
  public Answer engineRest(String user, String method, String path, String json) throws IOException, InterruptedException {
    return foiflow(user, method, "/engine-rest/engine/" + engineName + path, json);
  }

  /** Any path with HTTP basic auth, e.g. "/api/requests/FOI-2026-00001/letters/letter1.html". */
  public Answer foiflow(String user, String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest request = BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, json, user, "demo").build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }

  /** Signs in to Tasklist as the user; the session then calls the webapps' engine API as the browser does. */
  public Webapp signIntoTasklist(String user) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/" + engineName + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = csrfToken(cookies);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/" + engineName + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new AssertionError("Tasklist sign-in as " + user + " answered " + login.statusCode() + ": " + login.body());
    }
    // the session is new after signing in; its CSRF token comes with the next page
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/" + engineName + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
    return new Webapp(browser, cookies);
  }

  private static String csrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(cookie -> cookie.getValue()).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("Tasklist set no XSRF-TOKEN cookie"));
  }

  /** A signed-in Tasklist session. */
  public final class Webapp {
    private final HttpClient browser;
    private final CookieManager cookies;

    private Webapp(HttpClient browser, CookieManager cookies) {
      this.browser = browser;
      this.cookies = cookies;
    }

    /** {@code path} below the engine, as Tasklist calls it: /camunda/api/engine/engine/{name}{path}. */
    public Answer call(String method, String path, String json) throws IOException, InterruptedException {
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/engine/engine/" + engineName + path))
          .header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", csrfToken(cookies))
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    }
  }
}
