package org.foiflow.publicrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.clock.CaseClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public request form over HTTP through the whole filter chain (security, CSRF, the page policy), one scenario
 * per path (MockMvc, and real HTTP where the servlet container's error page answers). Each scenario sends from a client address of its own, so the hourly limit of one never touches another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class PublicRequestFormTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  MockMvc mvc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  Seal seal;
  @Autowired
  CaseClock caseClock;

  private final String clientAddress = "192.0.2." + ADDRESSES.incrementAndGet();

  @Test
  void theEmptyFormIsAGovUkPageAnyoneCanOpen() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/request")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(response.getContentAsString());
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
    assertThat(page.title()).isEqualTo("Make a freedom of information request – Example Borough Council");
    assertThat(page.selectFirst("body > a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
    assertThat(page.selectFirst(".govuk-header").text()).isEqualTo("Example Borough Council");
    assertThat(page.selectFirst(".govuk-footer").text()).contains("foi@example.gov.uk");
    assertThat(page.select("#name").attr("autocomplete")).isEqualTo("name");
    assertThat(page.select("#email").attr("autocomplete")).isEqualTo("email");
    assertThat(page.select("#address").attr("autocomplete")).isEqualTo("street-address");
    assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
    assertThat(page.select("style, [style]")).as("no inline style").isEmpty();
    assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'")
        .doesNotContain("unsafe-inline");
    Element honeypot = page.selectFirst("input[name=website]");
    assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
    assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
    assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
    assertThat(honeypot.parent().hasClass("govuk-visually-hidden")).isTrue();
    for (String asset : List.of("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
        "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js", "/public/council-font.css",
        "/public/request-form.js")) {
      assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).as(asset).isEqualTo(200);
    }
    // a council is not GOV.UK: no GDS Transport font is served to the public
    assertThat(mvc.perform(get("/webjars/govuk-frontend/5.14.0/dist/govuk/assets/fonts/bold-b542beb274-v2.woff2"))
        .andReturn().getResponse().getStatus()).isNotEqualTo(200);
  }

  @Test
  void anEmptySubmissionNamesEachMissingAnswerBesideItsFieldAndStartsNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();

    MockHttpServletResponse response = send(answers("", "", "", "", null), formGivenOut(Duration.ofMinutes(1)));

    assertThat(response.getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(response.getContentAsString());
    assertThat(page.title()).startsWith("Error: Make a freedom of information request");
    assertThat(page.select(".govuk-error-summary__list a")).extracting(link -> link.attr("href") + " " + link.text())
        .containsExactly("#name Enter your full name",
            "#email Enter an email address or a postal address, so that we can send you our answer",
            "#request Enter the information you want");
    assertThat(errorBeside(page, "name")).isEqualTo("Error: Enter your full name");
    assertThat(errorBeside(page, "email"))
        .isEqualTo("Error: Enter an email address or a postal address, so that we can send you our answer");
    assertThat(errorBeside(page, "request")).isEqualTo("Error: Enter the information you want");
    assertThat(page.selectFirst("#name").attr("aria-describedby")).isEqualTo("name-error");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aBadEmailAndATooLongRequestAreRefusedBesideTheirFieldsWithTheAnswersKept() throws Exception {
    String name = "Kept Answers " + System.nanoTime();
    MockHttpServletResponse response = send(answers(name, "not-an-address", "1 Mill Lane, Exampleton",
        "x".repeat(20_001), "NO"), formGivenOut(Duration.ofMinutes(1)));

    assertThat(response.getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(response.getContentAsString());
    assertThat(errorBeside(page, "email"))
        .isEqualTo("Error: Enter an email address in the correct format, like name@example.com");
    assertThat(errorBeside(page, "request")).isEqualTo("Error: Your request must be 20,000 characters or fewer");
    assertThat(page.select(".govuk-form-group--error")).hasSize(2);
    assertThat(page.selectFirst("#name").val()).isEqualTo(name);
    assertThat(page.selectFirst("#email").val()).isEqualTo("not-an-address");
    assertThat(page.selectFirst("#address").text()).isEqualTo("1 Mill Lane, Exampleton");
    assertThat(page.selectFirst("#environmental-2").hasAttr("checked")).isTrue();
    assertThat(casesOf(name)).isZero();
  }

  @Test
  void aValidSubmissionStartsAWebCaseAndShowsItsReferenceAndDueDate() throws Exception {
    String name = "Wendy Web " + System.nanoTime();
    MockHttpServletResponse response = send(answers(name, "wendy.web@example.org", "",
        "Air quality readings at the High Street monitor for 2025. " + name, "YES"), formGivenOut(Duration.ofMinutes(1)));

    assertThat(response.getStatus()).isEqualTo(302);
    String confirmation = response.getRedirectedUrl();
    assertThat(confirmation).startsWith("/request/sent?ticket=");
    ProcessInstance started = runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).singleResult();
    Map<String, Object> variables = runtimeService.getVariables(started.getId());
    assertThat(variables).containsEntry(CaseVariable.CHANNEL.key(), "WEB")
        .containsEntry(CaseVariable.REGIME.key(), "EIR")
        .containsEntry(CaseVariable.REQUESTER_EMAIL.key(), "wendy.web@example.org")
        .containsEntry(CaseVariable.RECEIVED_ON.key(), caseClock.today().toString());

    MockHttpServletResponse shown = mvc.perform(get(confirmation)).andReturn().getResponse();
    assertThat(shown.getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(shown.getContentAsString());
    assertThat(page.selectFirst(".govuk-panel__title").text()).isEqualTo("Request received");
    assertThat(page.selectFirst("#reference").text()).isEqualTo(started.getBusinessKey());
    LocalDate due = LocalDate.parse((String) variables.get(CaseVariable.DUE_ON.key()));
    assertThat(page.selectFirst("#due-on").text()).isEqualTo(due.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
  }

  @Test
  void aConfirmationLinkEditedToNameAnotherCaseShowsNothing() throws Exception {
    String reference = runtimeService.createProcessInstanceQuery().list().stream().findFirst()
        .map(ProcessInstance::getBusinessKey).orElse("FOI-2026-00001");
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        (reference + "|" + Instant.now().plusSeconds(600).toEpochMilli()).getBytes()) + ".bm90LW91cnM";

    MockHttpServletResponse shown = mvc.perform(get("/request/sent").param("ticket", forged)).andReturn().getResponse();

    assertThat(shown.getStatus()).isEqualTo(404);
    assertThat(shown.getContentAsString()).contains("This page is no longer available").doesNotContain(reference);
  }

  @Test
  void aSubmissionWithoutTheCsrfTokenIsRefusedWithAPageSayingWhatToDo() throws Exception {
    String name = "No Token " + System.nanoTime();
    StringBuilder form = new StringBuilder();
    answers(name, "no.token@example.org", "", "Bin collection dates", null).forEach((field, value) ->
        form.append(field).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
    form.append(PublicRequestForm.STAMP).append('=').append(formGivenOut(Duration.ofMinutes(1)));

    // over real HTTP: the refusal is Spring Security's, answered through the servlet container's error page
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/request"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).selectFirst("h1").text()).isEqualTo("Your form could not be sent");
    assertThat(casesOf(name)).isZero();
  }

  @Test
  void aSubmissionWithTheHiddenFieldFilledInIsNotAccepted() throws Exception {
    String name = "Honey Pot " + System.nanoTime();
    Map<String, String> answers = answers(name, "honey@example.org", "", "Parking fines 2025", null);
    answers.put(PublicRequestForm.HONEYPOT, "http://spam.example");

    MockHttpServletResponse response = send(answers, formGivenOut(Duration.ofMinutes(1)));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(Jsoup.parse(response.getContentAsString()).selectFirst("h1").text())
        .isEqualTo("We could not accept this submission");
    assertThat(casesOf(name)).isZero();
  }

  @Test
  void aFormSentBackSoonerThanAPersonCouldFillItInIsNotAccepted() throws Exception {
    String name = "Too Quick " + System.nanoTime();
    String justGivenOut = Jsoup.parse(mvc.perform(get("/request")).andReturn().getResponse().getContentAsString())
        .selectFirst("input[name=" + PublicRequestForm.STAMP + "]").val();

    MockHttpServletResponse response = send(answers(name, "quick@example.org", "", "Library opening hours", null),
        justGivenOut);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("We could not accept this submission");
    assertThat(casesOf(name)).isZero();
  }

  @Test
  void theSameRequestSentTwiceIsToldItIsAlreadyACase() throws Exception {
    String name = "Twice Sent " + System.nanoTime();
    Map<String, String> answers = answers(name, "twice@example.org", "", "Council tax arrears totals. " + name, null);
    assertThat(send(answers, formGivenOut(Duration.ofMinutes(2))).getStatus()).isEqualTo(302);

    MockHttpServletResponse again = send(answers, formGivenOut(Duration.ofMinutes(1)));

    assertThat(again.getStatus()).isEqualTo(409);
    Document page = Jsoup.parse(again.getContentAsString());
    assertThat(page.selectFirst(".govuk-notification-banner__heading").text()).isEqualTo("We already have this request");
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(casesOf(name)).isEqualTo(1);
  }

  @Test
  void theSameRequestSentAgainWithInvisibleDifferencesIsToldItIsAlreadyACase() throws Exception {
    String name = "Invisibly Twice " + System.nanoTime();
    String request = "Council tax arrears totals by ward. " + name;
    assertThat(send(answers(name, "invisible@example.org", "", request, null), formGivenOut(Duration.ofMinutes(2)))
        .getStatus()).isEqualTo(302);

    for (String again : java.util.List.of(request.replace("tax", "t\u200Bax"), request.replace("by ward", "by\u00A0ward"),
        request.replace(" ", "  ") + "\r\n")) {
      MockHttpServletResponse sent = send(answers(name, "invisible@example.org", "", again, null),
          formGivenOut(Duration.ofMinutes(1)));
      assertThat(sent.getStatus()).as(again).isEqualTo(409);
      assertThat(Jsoup.parse(sent.getContentAsString()).selectFirst(".govuk-notification-banner__heading").text())
          .isEqualTo("We already have this request");
    }
    assertThat(casesOf(name)).isEqualTo(1);
  }

  @Test
  void anAddressOverItsHourlyLimitIsAnswered429WhileOthersStillSend() throws Exception {
    String stamp = formGivenOut(Duration.ofMinutes(1));
    for (int i = 0; i < 10; i++) {
      assertThat(send(answers("", "", "", "", null), stamp).getStatus()).isEqualTo(400);
    }

    MockHttpServletResponse refused = send(answers("Over Limit", "over@example.org", "", "Street lights", null), stamp);

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(Jsoup.parse(refused.getContentAsString()).selectFirst("h1").text())
        .isEqualTo("You have sent too many requests");
    assertThat(casesOf("Over Limit")).isZero();
    MockHttpServletRequestBuilder elsewhere = post("/request").with(from("198.51.100.7"));
    assertThat(mvc.perform(withToken(elsewhere, answers("", "", "", "", null), stamp)).andReturn().getResponse()
        .getStatus()).isEqualTo(400);
  }

  private MockHttpServletResponse send(Map<String, String> answers, String stamp) throws Exception {
    return mvc.perform(withToken(post("/request").with(from(clientAddress)), answers, stamp)).andReturn().getResponse();
  }

  /** The form as a browser sends it: the page's CSRF cookie and its hidden field, the form's timestamp. */
  private MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder submission, Map<String, String> answers,
                                                  String stamp) throws Exception {
    MockHttpServletResponse form = mvc.perform(get("/request")).andReturn().getResponse();
    Cookie token = form.getCookie("FOIFLOW-XSRF-TOKEN");
    String field = Jsoup.parse(form.getContentAsString()).selectFirst("input[name=_csrf]").val();
    answers.forEach(submission::param);
    return submission.cookie(token).param("_csrf", field).param(PublicRequestForm.STAMP, stamp);
  }

  /** A timestamp as the form would carry it had it been given out this long ago (a person takes a while). */
  private String formGivenOut(Duration ago) {
    return seal.sign("form|" + Instant.now().minus(ago).toEpochMilli());
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static Map<String, String> answers(String name, String email, String address, String request,
                                             String environmental) {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("name", name);
    answers.put("email", email);
    answers.put("address", address);
    answers.put("request", request);
    if (environmental != null) {
      answers.put("environmental", environmental);
    }
    return answers;
  }

  private static String errorBeside(Document page, String field) {
    Element group = page.selectFirst("#" + field).closest(".govuk-form-group");
    assertThat(group.hasClass("govuk-form-group--error")).as(field + " marked in error").isTrue();
    return group.selectFirst(".govuk-error-message").text();
  }

  private long casesOf(String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).count();
  }
}
