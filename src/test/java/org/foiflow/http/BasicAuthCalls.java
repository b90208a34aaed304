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

  /**
   * A multipart/form-data upload of one file as the part {@code part} to {@code url}, as {@code user} with
   * {@code password}: how a browser's file input sends it.
   */
  public static HttpRequest.Builder fileUpload(String url, String part, String fileName, byte[] content, String user,
                                               String password) {
    String boundary = "foiflow-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header("Authorization", authorization(user, password));
    }
    return request;
  }
}
