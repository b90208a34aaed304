package org.foiflow.security;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.foiflow.http.BasicAuthCalls;

/** Calls to a running foiflow with HTTP basic auth, on 127.0.0.1 so that the remote address in its log is known. */
final class BasicAuth {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private BasicAuth() {
  }

  static HttpResponse<String> call(int port, String method, String path, String body, String user, String password)
      throws Exception {
    return HTTP.send(BasicAuthCalls.jsonRequest("http://127.0.0.1:" + port + path, method, body, user, password)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a call anyone logged in may make: 200 when the login is accepted, 401 when refused. */
  static int login(int port, String user, String password) throws Exception {
    return call(port, "GET", "/engine-rest/version", null, user, password).statusCode();
  }
}
