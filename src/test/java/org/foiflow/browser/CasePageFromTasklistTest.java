package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case page as staff reach it in headless Chromium: the case page's link to an open task opens that task in
 * Tasklist, and the task's form links back to the case page, in the one session. Screenshots under
 * target/screenshots/case-page-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CasePageFromTasklistTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aTaskFormLinksToTheCasePageAndTheCasePageLinksToTheTask() {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine,
        FoiCase.aRequest("Robin Browser", LocalDate.now(ZoneId.of("Europe/London"))))));
    FoiCase foi = logged.get().validAndHeld();
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn(FoiCase.OFFICER);

      driver.get(base + "/cases/" + foi.reference());
      WebElement taskLink = tasklist.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//a[normalize-space(.)='Locate and retrieve information – " + foi.reference() + "']")));
      chromium.screenshot("case-page-open");
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(foi.reference());
      taskLink.click();

      // Tasklist opens the task itself, and its form links back to the case page
      WebElement pane = tasklist.until(d -> {
        WebElement found = d.findElement(By.cssSelector("[cam-tasklist-task]"));
        return found.getText().contains("Locate and retrieve information") ? found : null;
      });
      WebElement back = tasklist.until(d -> pane.findElements(By.cssSelector(".fjs-form a[href='/cases/" + foi.reference() + "']"))
          .stream().findFirst().orElse(null));
      chromium.screenshot("case-page-link-in-form");
      assertThat(back.getText()).contains("Open the case page for " + foi.reference());
      // Tasklist's forms take no files: the task sends the officer to the case page's documents
      assertThat(pane.findElement(By.cssSelector(".fjs-form a[href='/cases/" + foi.reference() + "#documents']")).getText())
          .isEqualTo("Add the documents you found to the case, and redact them, on the case page");

      driver.get(base + "/cases/" + foi.reference());
      tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
      assertThat(driver.getPageSource()).contains("Robin Browser");
    }
  }
}
