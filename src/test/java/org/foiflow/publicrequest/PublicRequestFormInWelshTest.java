package org.foiflow.publicrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foiflow.publicrequest.PublicFormVisitor.answers;
import static org.foiflow.publicrequest.PublicFormVisitor.errorBeside;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.http.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public request form in Welsh (/request?lang=cy) over real HTTP, one scenario per path: the page, a submission
 * with errors, a valid one, the language of our letters chosen on either page, the bot trap and the CSRF refusal.
 * The same context as PublicRequestFormTest (whose scenarios send from other addresses than this one's 127.0.0.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class PublicRequestFormInWelshTest {

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  RuntimeService runtimeService;

  private PublicFormVisitor visitor;

  @BeforeEach
  void visit() {
    visitor = new PublicFormVisitor(port, context);
  }

  @Test
  void theWelshPageIsInWelshThroughoutWithAToggleBackToEnglish() throws Exception {
    PublicFormVisitor.Answer answer = visitor.open("/request?lang=cy");

    assertThat(answer.status()).isEqualTo(200);
    Document page = answer.page();
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(page.title()).isEqualTo("Gwneud cais rhyddid gwybodaeth – Example Borough Council");
    assertThat(page.selectFirst("h1").text()).isEqualTo("Gwneud cais rhyddid gwybodaeth");
    assertThat(page.selectFirst(".govuk-skip-link").text()).isEqualTo("Neidio i'r prif gynnwys");
    assertThat(page.selectFirst("#law").text()).isEqualTo("Mae gennych yr hawl hon o dan Ddeddf Rhyddid Gwybodaeth 2000.");
    assertThat(page.select("label.govuk-label--m")).extracting(Element::text)
        .containsExactly("Enw llawn", "Cyfeiriad e-bost", "Cyfeiriad post", "Eich cais");
    assertThat(page.select("legend")).extracting(Element::text).containsExactly(
        "A yw eich cais am yr amgylchedd? (dewisol)", "Ym mha iaith y dylem ysgrifennu atoch chi?");
    assertThat(page.select("label[for^=environmental]")).extracting(Element::text)
        .containsExactly("Ydy", "Nac ydy", "Ddim yn siŵr");
    assertThat(page.selectFirst("button.govuk-button").text()).isEqualTo("Anfon cais");
    assertThat(page.selectFirst(".govuk-character-count").attr("data-i18n.characters-under-limit.other"))
        .isEqualTo("Mae gennych %{count} nod yn weddill");
    // the letters' language defaults to the page's
    assertThat(page.selectFirst("#language-2").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("#language").hasAttr("checked")).isFalse();
    assertThat(page.selectFirst("label[for=language-2]").attr("lang")).isEqualTo("cy");
    assertThat(page.selectFirst("form[method=post]").attr("action")).isEqualTo("/request?lang=cy");
    Element toggle = page.selectFirst("nav.foiflow-language-toggle a");
    assertThat(toggle.text()).isEqualTo("English");
    assertThat(toggle.attr("href")).isEqualTo("/request");
    assertThat(toggle.attr("lang")).isEqualTo("en");
    assertThat(toggle.attr("hreflang")).isEqualTo("en");
    assertThat(page.selectFirst("nav.foiflow-language-toggle [aria-current=true]").text()).isEqualTo("Cymraeg");
    assertThat(page.body().text()).doesNotContain("Full name", "Email address", "Send request", "Your request",
        "Skip to main content", "freedom of information:");

    Document english = visitor.open("/request").page();
    assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en-GB");
    Element toWelsh = english.selectFirst("nav.foiflow-language-toggle a");
    assertThat(toWelsh.text()).isEqualTo("Cymraeg");
    assertThat(toWelsh.attr("href")).isEqualTo("/request?lang=cy");
    assertThat(toWelsh.attr("hreflang")).isEqualTo("cy");
    assertThat(english.selectFirst("#language").hasAttr("checked")).isTrue();
    assertThat(english.selectFirst("legend:contains(language)").text()).isEqualTo("Which language should we write to you in?");
    assertThat(english.selectFirst(".govuk-character-count").hasAttr("data-i18n.characters-under-limit.other")).isFalse();
  }

  @Test
  void theWelshWordingHasEveryKeyTheEnglishHas() {
    assertThat(PublicFormWording.read("cy").keySet()).containsAll(PublicFormWording.read("en").keySet());
    assertThat(PublicFormWording.read("en").keySet()).containsAll(PublicFormWording.read("scotland").keySet());
  }

  @Test
  void aWelshSubmissionWithErrorsIsAnsweredInWelshBesideTheFieldsWithTheAnswersKept() throws Exception {
    String request = "Faint o goed a blannwyd gan y cyngor yn 2025? " + System.nanoTime();

    PublicFormVisitor.Answer answer = visitor.send("/request?lang=cy",
        answers("", "dim-cyfeiriad", "", request, "NOT_SURE", "en"));

    assertThat(answer.status()).isEqualTo(400);
    Document page = answer.page();
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(page.title()).startsWith("Gwall: Gwneud cais rhyddid gwybodaeth");
    assertThat(page.selectFirst(".govuk-error-summary__title").text()).isEqualTo("Mae problem");
    assertThat(page.select(".govuk-error-summary__list a")).extracting(link -> link.attr("href") + " " + link.text())
        .containsExactly("#name Rhowch eich enw llawn",
            "#email Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com");
    assertThat(errorBeside(page, "name")).isEqualTo("Gwall: Rhowch eich enw llawn");
    assertThat(errorBeside(page, "email"))
        .isEqualTo("Gwall: Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com");
    assertThat(page.selectFirst("#email").val()).isEqualTo("dim-cyfeiriad");
    assertThat(page.selectFirst("#request").text()).isEqualTo(request);
    assertThat(page.selectFirst("#environmental-3").hasAttr("checked")).isTrue();
    // the person chose English letters on the Welsh page: kept
    assertThat(page.selectFirst("#language").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("#language-2").hasAttr("checked")).isFalse();
  }

  @Test
  void aValidWelshSubmissionStartsACaseInWelshAndIsConfirmedInWelsh() throws Exception {
    String name = "Siân Prys " + System.nanoTime();

    PublicFormVisitor.Answer answer = visitor.send("/request?lang=cy", answers(name, "sian.prys@example.cymru", "",
        "Hoffwn gael gwybodaeth am amseroedd casglu biniau yn Llanfair yn 2026. " + name, "NO", "cy"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).startsWith("/request/sent?ticket=").endsWith("&lang=cy");
    ProcessInstance started = caseOf(name);
    Map<String, Object> variables = runtimeService.getVariables(started.getId());
    assertThat(variables).containsEntry(CaseVariable.LANGUAGE.key(), "cy")
        .containsEntry(CaseVariable.REGIME.key(), "FOIA").containsEntry(CaseVariable.CHANNEL.key(), "WEB");

    Document confirmation = visitor.open(answer.location()).page();
    assertThat(confirmation.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(confirmation.title()).isEqualTo("Cais wedi dod i law – Example Borough Council");
    assertThat(confirmation.selectFirst(".govuk-panel__title").text()).isEqualTo("Cais wedi dod i law");
    assertThat(confirmation.selectFirst(".govuk-panel__body").text())
        .isEqualTo("Eich cyfeirnod " + started.getBusinessKey());
    String due = LetterFormats.WELSH.date(LocalDate.parse((String) variables.get(CaseVariable.DUE_ON.key())));
    assertThat(due).matches("\\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref"
        + "|Tachwedd|Rhagfyr) \\d{4}");
    assertThat(confirmation.selectFirst("#due-on").text()).isEqualTo(due);
    assertThat(confirmation.selectFirst("h2").text()).isEqualTo("Beth sy'n digwydd nesaf");
    // the toggle keeps the confirmation: the same page in English
    Element toEnglish = confirmation.selectFirst("nav.foiflow-language-toggle a");
    assertThat(toEnglish.attr("hreflang")).isEqualTo("en");
    assertThat(visitor.open(toEnglish.attr("href")).page().selectFirst(".govuk-panel__title").text())
        .isEqualTo("Request received");

    // the officer sees on the case page that our letters go in Welsh
    StaffBrowser officer = new StaffBrowser(port);
    officer.signIn("maya", "demo");
    Document casePage = Jsoup.parse(officer.get("/cases/" + started.getBusinessKey()).body());
    assertThat(casePage.selectFirst("dt:containsOwn(Language) + dd").text()).isEqualTo("Welsh (Cymraeg)");
  }

  @Test
  void aPersonOnTheEnglishPageCanAskForLettersInWelsh() throws Exception {
    String name = "Gareth Evans " + System.nanoTime();

    PublicFormVisitor.Answer answer = visitor.send("/request", answers(name, "gareth@example.cymru", "",
        "Road gritting routes for winter 2026. " + name, null, "cy"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).doesNotContain("lang=");
    assertThat(runtimeService.getVariable(caseOf(name).getId(), CaseVariable.LANGUAGE.key())).isEqualTo("cy");
    assertThat(visitor.open(answer.location()).page().selectFirst(".govuk-panel__title").text())
        .isEqualTo("Request received");
  }

  @Test
  void aLanguageOtherThanEnglishOrWelshIsRefusedBesideTheQuestion() throws Exception {
    String name = "Unknown Tongue " + System.nanoTime();

    PublicFormVisitor.Answer answer = visitor.send("/request?lang=cy", answers(name, "tongue@example.org", "",
        "Parking permits issued in 2025. " + name, null, "fr"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(errorBeside(answer.page(), "language")).isEqualTo("Gwall: Dewiswch Saesneg neu Gymraeg");
    assertThat(runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).count()).isZero();
  }

  @Test
  void theBotTrapAndTheCsrfCheckAnswerInWelshOnTheWelshPage() throws Exception {
    String name = "Pot Mêl " + System.nanoTime();
    Map<String, String> trapped = answers(name, "mel@example.cymru", "", "Oriau agor y llyfrgell. " + name, null, "cy");
    trapped.put(PublicRequestForm.HONEYPOT, "http://spam.example");

    PublicFormVisitor.Answer refused = visitor.send("/request?lang=cy", trapped);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.page().selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(refused.page().selectFirst("h1").text()).isEqualTo("Nid oeddem yn gallu derbyn y cyflwyniad hwn");
    assertThat(refused.page().selectFirst("main a").attr("href")).isEqualTo("/request?lang=cy");

    // no CSRF cookie nor field: Spring Security refuses it before the form sees it, and the page says so in Welsh
    HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/request?lang=cy"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString("name=Dim+Tocyn")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(403);
    Document expired = Jsoup.parse(noToken.body());
    assertThat(expired.selectFirst("html").attr("lang")).isEqualTo("cy");
    assertThat(expired.selectFirst("h1").text()).isEqualTo("Nid oedd modd anfon eich ffurflen");
    assertThat(caseCount(name)).isZero();
  }

  private ProcessInstance caseOf(String name) {
    return runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).singleResult();
  }

  private long caseCount(String name) {
    return runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).count();
  }
}
