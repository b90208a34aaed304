package org.foiflow.publicrequest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.context.ApplicationContext;

/**
 * A visitor to the public request form over real HTTP, as a browser without JavaScript is: opens a page, keeps the
 * CSRF cookie, sends the form back with its hidden fields. The form's timestamp is signed as if the form had been
 * given out a minute ago (a person takes a while: the bot trap's minimum fill time is met without waiting). Shared by
 * the UK and the Scottish tests of the form; every visitor sends from 127.0.0.1, so a test class sends few forms.
 */
public final class PublicFormVisitor {

  private final String base;
  private final Seal seal;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  public PublicFormVisitor(int port, ApplicationContext context) {
    this.base = "http://localhost:" + port;
    this.seal = context.getBean(Seal.class);
  }

  /** A page as the server answered it: its status, where a redirect goes (a path on this server), the page parsed. */
  public record Answer(int status, String location, Document page) {
  }

  /** GET {@code pathAndQuery}, e.g. "/request?lang=cy". */
  public Answer open(String pathAndQuery) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
        Jsoup.parse(response.body()));
  }

  /**
   * Opens the form at {@code formPage} ("/request", "/request?lang=cy") and sends {@code answers} to where the form
   * posts, with the page's CSRF field.
   */
  public Answer send(String formPage, Map<String, String> answers) throws Exception {
    Document form = open(formPage).page();
    Map<String, String> fields = new LinkedHashMap<>(answers);
    fields.put("_csrf", form.selectFirst("input[name=_csrf]").val());
    fields.put(PublicRequestForm.STAMP, seal.sign("form|" + Instant.now().minusSeconds(60).toEpochMilli()));
    String action = form.selectFirst("form[method=post]").attr("action");
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + action))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Location")
        .map(location -> location.startsWith(base) ? location.substring(base.length()) : location).orElse(null),
        Jsoup.parse(response.body()));
  }

  /** The form's answers as typed; null leaves a radio question unanswered. */
  public static Map<String, String> answers(String name, String email, String address, String request,
                                            String environmental, String language) {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("name", name);
    answers.put("email", email);
    answers.put("address", address);
    answers.put("request", request);
    if (environmental != null) {
      answers.put("environmental", environmental);
    }
    if (language != null) {
      answers.put("language", language);
    }
    return answers;
  }

  /** The error message beside a field ("Gwall: Rhowch eich enw llawn"), its form group marked in error. */
  public static String errorBeside(Document page, String field) {
    var group = page.selectFirst("#" + field).closest(".govuk-form-group");
    if (!group.hasClass("govuk-form-group--error")) {
      throw new AssertionError(field + " is not marked in error");
    }
    return group.selectFirst(".govuk-error-message").text();
  }
}
