package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The approver opens "Approve response" in Tasklist (headless Chromium) and reads what was decided in words and the
 * draft rendered with its headings, quote and list, with a link to its PDF: no raw code, no Markdown marks.
 * Screenshot target/screenshots/approve-rendered-draft.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ApproverSeesTheRenderedDraftTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void theApproverReadsTheDecisionsAndTheDraftRenderedInTasklist() {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine,
        FoiCase.aRequest("Robin Reader", LocalDate.now(ZoneId.of("Europe/London"))))));
    FoiCase foi = logged.get().validAndHeld().located().assessed("PART", "s31").harmShown("WOULD")
        .publicInterestBalanced("WITHHOLD");
    String task = foi.task("ApproveResponse").getId();
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn(FoiCase.APPROVER);
      driver.get(base + "/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task);

      WebElement form = tasklist.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .fjs-form")).stream()
          .filter(found -> found.getText().contains("The information we are withholding")).findFirst().orElse(null));
      tasklist.scrollIntoView(form.findElement(By.xpath(".//h1[contains(., 'Response to your request')]")));
      chromium.screenshot("approve-rendered-draft");

      // the letter's headings are headings, its quote a quote, its exemption a list item
      assertThat(form.findElements(By.cssSelector(".fjs-form-field-text h2")).stream().map(WebElement::getText))
          .contains("The information we are withholding");
      assertThat(form.findElements(By.cssSelector(".fjs-form-field-text blockquote"))).isNotEmpty();
      assertThat(form.findElements(By.cssSelector(".fjs-form-field-text li")).stream().map(WebElement::getText))
          .anyMatch(item -> item.startsWith("Section 31"));
      String text = form.getText();
      assertThat(text).contains("What was decided", "Outcome: Granted in part", "Section 31: Law enforcement",
          "Harm is shown: the exemption is engaged", "Dear Robin Reader")
          .doesNotContain("GRANTED_IN_PART", "=====", "**", "##");
      assertThat(Arrays.stream(text.split("\n"))).noneMatch(line -> line.startsWith("> ") || line.startsWith("# "));
      assertThat(form.findElements(By.cssSelector("a[href='/api/requests/" + foi.reference() + "/letters/"
          + foi.variable("draftLetterId") + ".pdf']")).stream().map(WebElement::getText))
          .containsExactly("Download the letter as PDF");
    }
  }
}
