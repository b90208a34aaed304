package org.foiflow.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP basic auth for the tests that call a running foiflow as a user: the one place the header is made. */
public final class BasicAuthCalls {

  private BasicAuthCalls() {
  }

  /** The Authorization header's value for the user and password. */
  public static String authorization(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A JSON call to {@code url} (a body of null sends none), as {@code user} with {@code password}, or without
   * credentials when the user is null.
   */
  public static HttpRequest.Builder jsonRequest(String url, String method, String json, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", authorization(user, password));
    }
    return request;
  }
}
