package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.drafting.LetterFormats;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Welsh speaker asks for information on the public form in Chromium: from the English page, the toggle "Cymraeg"
 * opens the Welsh one (lang="cy"); the character count speaks Welsh; the form sent with answers missing is answered in
 * Welsh beside the fields, with what was typed kept; the form sent whole logs a case whose letters go in Welsh and
 * confirms it in Welsh with the due date in Welsh. Each page passes axe-core's WCAG 2.2 AA checks; screenshots go to
 * target/screenshots/. The bot trap stays on: the script waits out the minimum fill time as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequestingInformationInWelshTest {

  /** Longer than foiflow.public-form.minimum-fill-time (3s). */
  private static final long A_PERSON_TYPING = 3_200;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aWelshSpeakerIsToldInWelshWhatIsMissingThenGetsAWelshCaseAndAWelshConfirmation() throws Exception {
    String name = "Siân Gruffydd " + System.nanoTime();
    try (Chromium chromium = Chromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get("http://localhost:" + port + "/request");
      WebElement toggle = browser.findElement(By.cssSelector("nav.foiflow-language-toggle a[hreflang='cy']"));
      assertThat(toggle.getText()).isEqualTo("Cymraeg");
      toggle.click();
      wait.until(page -> "cy".equals(page.findElement(By.tagName("html")).getAttribute("lang")));
      wait.until(page -> page.findElement(By.tagName("body")).getAttribute("class").contains("govuk-frontend-supported"));
      assertThat(browser.getTitle()).isEqualTo("Gwneud cais rhyddid gwybodaeth – Example Borough Council");
      assertThat(browser.findElement(By.cssSelector(".govuk-character-count__status")).getText())
          // the number is formatted by the browser for "cy" (Chromium's ICU writes 20000)
          .matches("Mae gennych 20,?000 nod yn weddill");
      assertThat(browser.findElement(By.id("language-2")).isSelected()).as("letters in Welsh by default").isTrue();
      assertThat(AxeChecks.violations(browser)).as("the empty Welsh form").isEmpty();
      chromium.screenshot("welsh-public-form-1-empty");

      browser.findElement(By.id("name")).sendKeys(name);
      Thread.sleep(A_PERSON_TYPING);
      browser.findElement(By.cssSelector("button.govuk-button")).click();
      wait.until(page -> page.getTitle().startsWith("Gwall: "));
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
      assertThat(browser.findElement(By.cssSelector(".govuk-error-summary__title")).getText()).isEqualTo("Mae problem");
      assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(WebElement::getText)
          .containsExactly("Rhowch gyfeiriad e-bost neu gyfeiriad post, er mwyn i ni allu anfon ein hateb atoch",
              "Rhowch yr wybodaeth rydych ei heisiau");
      assertThat(browser.findElement(By.id("request-error")).getText().replaceAll("\\s+", " "))
          .isEqualTo("Gwall: Rhowch yr wybodaeth rydych ei heisiau");
      assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
      wait.until(page -> page.switchTo().activeElement().getAttribute("class").contains("govuk-error-summary"));
      assertThat(AxeChecks.violations(browser)).as("the Welsh form answered with errors").isEmpty();
      chromium.screenshot("welsh-public-form-2-errors");

      browser.findElement(By.cssSelector(".govuk-error-summary__list a[href='#email']")).click();
      browser.findElement(By.id("email")).sendKeys("sian.gruffydd@example.cymru");
      browser.findElement(By.id("request")).sendKeys("Hoffwn gael copi o gofnodion pwyllgor cynllunio'r cyngor ar gyfer 2025.");
      assertThat(browser.findElement(By.id("language-2")).isSelected()).isTrue();
      Thread.sleep(A_PERSON_TYPING);
      browser.findElement(By.cssSelector("button.govuk-button")).click();
      wait.until(page -> page.getTitle().startsWith("Cais wedi dod i law"));

      ProcessInstance logged = engine.getRuntimeService().createProcessInstanceQuery()
          .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).singleResult();
      Map<String, Object> variables = engine.getRuntimeService().getVariables(logged.getId());
      assertThat(variables).containsEntry(CaseVariable.LANGUAGE.key(), "cy")
          .containsEntry(CaseVariable.CHANNEL.key(), "WEB").containsEntry(CaseVariable.REGIME.key(), "FOIA");
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
      assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(logged.getBusinessKey());
      assertThat(browser.findElement(By.id("due-on")).getText()).isEqualTo(
          LetterFormats.WELSH.date(LocalDate.parse((String) variables.get(CaseVariable.DUE_ON.key()))));
      assertThat(AxeChecks.violations(browser)).as("the Welsh confirmation").isEmpty();
      chromium.screenshot("welsh-public-form-3-confirmation");
    }
  }
}
