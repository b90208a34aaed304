package org.foiflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls to a running foiflow with HTTP basic auth, on 127.0.0.1 so that the remote address in its log is known. */
final class BasicAuth {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private BasicAuth() {
  }

  static HttpResponse<String> call(int port, String method, String path, String body, String user, String password)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a call anyone logged in may make: 200 when the login is accepted, 401 when refused. */
  static int login(int port, String user, String password) throws Exception {
    return call(port, "GET", "/engine-rest/version", null, user, password).statusCode();
  }
}
