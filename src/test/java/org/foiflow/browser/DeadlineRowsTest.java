package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
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
 * The deadline page in headless Chromium: the search box finds a case by its subject and a click anywhere on its
 * row opens its case page. Screenshot under target/screenshots/deadlines-searched.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DeadlineRowsTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aSearchedRowOpensItsCasePageWhenClicked() {
    String subject = "Pothole repairs " + UUID.randomUUID().toString().substring(0, 8);
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Quinn Rows", LocalDate.now(ZoneId.of("Europe/London")))
        .putValue("subject", subject));
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn("maya");

      driver.get(base + "/deadlines.html");
      WebElement box = tasklist.until(ExpectedConditions.elementToBeClickable(By.id("q")));
      box.sendKeys(subject);
      driver.findElement(By.cssSelector("#search button")).click();
      WebElement row = tasklist.until(d -> d.findElements(By.cssSelector("#rows tr[data-reference]")).size() == 1
          ? d.findElement(By.cssSelector("#rows tr[data-reference]")) : null);
      chromium.screenshot("deadlines-searched");
      assertThat(row.getDomAttribute("data-reference")).isEqualTo(foi.reference());
      assertThat(row.getText()).contains(subject, "Quinn Rows", "Due in ");
      // the reference is a real link for the keyboard; the rest of the row is a convenience
      assertThat(row.findElement(By.cssSelector("a")).getDomAttribute("href")).isEqualTo("/cases/" + foi.reference());

      row.findElements(By.tagName("td")).get(1).click();
      tasklist.until(ExpectedConditions.urlContains("/cases/" + foi.reference()));
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(foi.reference());
    }
  }
}
