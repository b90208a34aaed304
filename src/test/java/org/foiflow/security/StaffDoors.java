package org.foiflow.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.StaffBrowser;

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
    StaffBrowser browser = new StaffBrowser(port);
    browser.signIntoTasklist(engineName, user, "demo");
    return new Webapp(browser);
  }

  /** A signed-in Tasklist session. */
  public final class Webapp {
    private final StaffBrowser browser;

    private Webapp(StaffBrowser browser) {
      this.browser = browser;
    }

    /** {@code path} below the engine, as Tasklist calls it: /camunda/api/engine/engine/{name}{path}. */
    public Answer call(String method, String path, String json) throws IOException, InterruptedException {
      HttpResponse<String> response = browser.client().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/engine/engine/" + engineName + path))
          .header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", browser.webappCsrfToken())
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    }
  }
}
