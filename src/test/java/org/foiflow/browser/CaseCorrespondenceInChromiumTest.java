package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case page's Correspondence section in headless Chromium: a letter sent and a reply received, in that order, the
 * reply's text folded until the officer opens it (no script: a details element). Screenshot under
 * target/screenshots/case-correspondence.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CaseCorrespondenceInChromiumTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void anOfficerOpensAReceivedMessageOnTheCasePage() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Robin Browser", LocalDate.now(ZoneId.of("Europe/London"))));
    String reply = UUID.randomUUID().toString();
    // filed to the case as the mailbox files a reply (foi_correspondence, FILED)
    jdbc.update("INSERT INTO foi_correspondence (id, mailbox_key, message_id, received_at, from_address, from_name,"
            + " to_address, subject, body_text, raw_size, status, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reply, "foi@mail/INBOX/1/" + reply, "<" + reply + "@example.org>", Timestamp.from(Instant.now().plusSeconds(60)),
        "robin.browser@example.org", "Robin Browser", "foi@example.gov.uk", "Re: " + foi.reference(),
        "I only need the policy from 2025, thank you.", 900L, "FILED", foi.reference());
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn(FoiCase.OFFICER);

      driver.get(base + "/cases/" + foi.reference() + "#correspondence");
      WebElement section = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("section[aria-labelledby='correspondence']")));
      List<WebElement> rows = section.findElements(By.cssSelector("tbody tr"));
      assertThat(rows).extracting(row -> row.getDomAttribute("data-direction")).containsExactly("Sent", "Received");
      WebElement text = rows.get(1).findElement(By.cssSelector("details .text"));
      assertThat(text.isDisplayed()).isFalse();

      rows.get(1).findElement(By.tagName("summary")).click();

      tasklist.until(ExpectedConditions.visibilityOf(text));
      assertThat(text.getText()).isEqualTo("I only need the policy from 2025, thank you.");
      chromium.screenshot("case-correspondence");
    }
  }
}
