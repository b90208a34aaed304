package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.correspondence.MailServerForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A member of the public asks for information on the public form in Chromium: the empty form, the form answered
 * with what is missing, and the confirmation all pass axe-core's WCAG 2.2 AA checks; the confirmation shows the
 * reference and the due date written out, the case is logged as a web request, and the acknowledgement reaches the
 * requester's mailbox (a real SMTP server). Screenshots go to /tmp/shots17/. The form's minimum fill time is off
 * here (a script types faster than a person); PublicRequestFormTest proves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "foiflow.public-form.minimum-fill-time=0s")
@ActiveProfiles({"test", "demo"})
class RequestingInformationOnThePublicFormTest {

  private static final Path SHOTS = Path.of("/tmp/shots17");

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aPersonIsToldWhatIsMissingThenGetsAReferenceADueDateAndAnAcknowledgement() throws Exception {
    String name = "Pat Public " + System.nanoTime();
    String email = "pat.public@example.org";
    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      browser.get("http://localhost:" + port + "/request");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      // govuk-frontend's module ran under the page's Content-Security-Policy
      wait.until(page -> page.findElement(By.tagName("body")).getAttribute("class").contains("govuk-frontend-supported"));
      assertThat(browser.findElement(By.cssSelector(".govuk-character-count__status")).getText())
          .isEqualTo("You have 20,000 characters remaining");
      assertThat(AxeChecks.violations(browser)).as("the empty form").isEmpty();
      chromium.screenshot(SHOTS, "public-form-1-empty");

      browser.findElement(By.id("name")).sendKeys(name);
      browser.findElement(By.cssSelector("button.govuk-button")).click();
      wait.until(page -> page.getTitle().startsWith("Error: "));
      assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(link -> link.getText())
          .containsExactly("Enter an email address or a postal address, so that we can send you our answer",
              "Enter the information you want");
      // the error summary takes the focus, so a screen reader reads it first
      wait.until(page -> page.switchTo().activeElement().getAttribute("class").contains("govuk-error-summary"));
      assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
      assertThat(AxeChecks.violations(browser)).as("the form answered with errors").isEmpty();
      chromium.screenshot(SHOTS, "public-form-2-errors");

      browser.findElement(By.cssSelector(".govuk-error-summary__list a[href='#email']")).click();
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
      browser.findElement(By.id("email")).sendKeys(email);
      browser.findElement(By.id("request")).sendKeys("How many trees did the council plant in 2025, and where?");
      browser.findElement(By.cssSelector("label[for='environmental']")).click();
      browser.findElement(By.cssSelector("button.govuk-button")).click();
      wait.until(page -> page.getTitle().startsWith("Request received"));

      ProcessInstance logged = engine.getRuntimeService().createProcessInstanceQuery()
          .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).singleResult();
      Map<String, Object> variables = engine.getRuntimeService().getVariables(logged.getId());
      assertThat(variables).containsEntry(CaseVariable.CHANNEL.key(), "WEB")
          .containsEntry(CaseVariable.REGIME.key(), "EIR")
          .containsEntry(CaseVariable.REQUESTER_EMAIL.key(), email);
      String due = LocalDate.parse((String) variables.get(CaseVariable.DUE_ON.key()))
          .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
      assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(logged.getBusinessKey());
      assertThat(browser.findElement(By.id("due-on")).getText()).isEqualTo(due);
      assertThat(AxeChecks.violations(browser)).as("the confirmation").isEmpty();
      chromium.screenshot(SHOTS, "public-form-3-confirmation");

      assertThat(mail.server().waitForIncomingEmail(30_000, 1)).isTrue();
      MimeMessage acknowledgement = Arrays.stream(mail.received())
          .filter(message -> subject(message).contains(logged.getBusinessKey())).findFirst().orElseThrow();
      assertThat(acknowledgement.getAllRecipients()[0].toString()).isEqualTo(email);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException unreadable) {
      return "";
    }
  }
}
