package org.foiflow.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A member of staff's browser as the tests drive it over HTTP: it keeps its cookies (the session, the CSRF token)
 * and does not follow redirects, so a test sees where it is sent.
 */
public final class StaffBrowser {

  public static final String CSRF_COOKIE = "FOIFLOW-XSRF-TOKEN";
  public static final String CSRF_HEADER = "X-FOIFLOW-XSRF-TOKEN";

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public StaffBrowser(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpClient client() {
    return http;
  }

  public CookieManager cookies() {
    return cookies;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Goes where a redirect sends the browser (another server's address included). */
  public HttpResponse<String> follow(HttpResponse<?> redirect) throws IOException, InterruptedException {
    URI to = redirect.uri().resolve(redirect.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.uri())));
    return http.send(HttpRequest.newBuilder(to).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in on foiflow's sign-in page; the answer is the redirect that follows (or the page again when refused). */
  public HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
    get("/login");
    return postForm("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /**
   * Signs in on Tasklist's own login form, as Tasklist's page does (its XSRF-TOKEN cookie sent back as a header);
   * fails the test when refused.
   */
  public void signIntoTasklist(String engineName, String user, String password) throws IOException, InterruptedException {
    String tasklist = "/camunda/app/tasklist/" + engineName + "/";
    get(tasklist);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/" + engineName + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", webappCsrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new AssertionError("Tasklist sign-in as " + user + " answered " + login.statusCode() + ": " + login.body());
    }
    // the session is new after signing in; its CSRF token comes with the next page
    get(tasklist);
  }

  /** The Camunda webapps' own CSRF token (cookie XSRF-TOKEN, sent back as header X-XSRF-TOKEN). */
  public String webappCsrfToken() {
    return cookie("XSRF-TOKEN");
  }

  /** A form posted as the page would, with the session's CSRF token in its _csrf field. */
  public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
    String token = csrfToken();
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form + (token == null ? "" : "&_csrf=" + token))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON call as the staff pages' scripts make it: the session's cookie and, when asked, its CSRF header. */
  public HttpResponse<String> json(String method, String path, String body, boolean withCsrfToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    String token = csrfToken();
    if (withCsrfToken && token != null) {
      request.header(CSRF_HEADER, token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token the session's pages were given, or null before any. */
  public String csrfToken() {
    return cookie(CSRF_COOKIE);
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(cookie -> cookie.getValue()).reduce((first, last) -> last).orElse(null);
  }
}
