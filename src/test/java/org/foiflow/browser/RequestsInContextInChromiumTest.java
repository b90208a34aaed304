package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.foiflow.process.RequesterAsksAgain;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An officer on the case page in headless Chromium sees the requester's other request and a similar request with
 * its letter, links the case to another through the form and finds the link on the other case's page.
 * A manager follows the case page's round robin line and gives the set to one officer.
 * Screenshots under target/screenshots/requests-in-context-*.png and round-robin-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RequestsInContextInChromiumTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void anOfficerSeesTheRequestInContextAndLinksItToAnotherCase() {
    RequesterAsksAgain two = RequesterAsksAgain.logged(engine);
    String other = RequesterAsksAgain.logged(engine, "Olga Other", LocalDate.now(ZoneId.of("Europe/London")),
        "How many parking permits were issued for Mill Lane last year?").reference();
    String now = two.now().reference();
    String earlier = two.earlier().reference();
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn(FoiCase.OFFICER);

      driver.get(base + "/cases/" + now + "#requester-history");
      WebElement history = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("section[aria-labelledby='requester-history']")));
      assertThat(history.findElement(By.linkText(earlier)).getAttribute("href")).endsWith("/cases/" + earlier);
      assertThat(history.getText()).contains("Within 60 working days", "Granted in part");
      WebElement similar = driver.findElement(By.cssSelector("section[aria-labelledby='similar']"));
      assertThat(similar.findElement(By.linkText(earlier)).isDisplayed()).isTrue();
      assertThat(similar.getText()).contains("%", "Section 31", "Read the letter");
      chromium.screenshot("requests-in-context-history-and-similar");

      WebElement links = driver.findElement(By.cssSelector("section[aria-labelledby='links']"));
      links.findElement(By.id("link-reference")).sendKeys(other);
      new Select(links.findElement(By.id("link-kind"))).selectByVisibleText("Related to");
      links.findElement(By.id("link-note")).sendKeys("Same street");
      chromium.screenshot("requests-in-context-link-form");
      links.findElement(By.xpath(".//button[normalize-space(.)='Link the case']")).click();

      WebElement linked = tasklist.until(d -> d.findElements(By.cssSelector("section[aria-labelledby='links'] tr[data-kind='RELATED']"))
          .stream().findFirst().orElse(null));
      assertThat(linked.getText()).contains("Related to", other, "Same street");

      driver.get(base + "/cases/" + other + "#links");
      WebElement back = tasklist.until(d -> d.findElements(By.cssSelector("section[aria-labelledby='links'] tr[data-kind='RELATED']"))
          .stream().findFirst().orElse(null));
      assertThat(back.getText()).contains("Related to", now);
      chromium.screenshot("requests-in-context-other-case");
    }
  }

  @Test
  void aManagerGivesARoundRobinToOneOfficer() {
    String campaign = "Please publish the footfall figures for each branch library in Rowan Vale considered for closure,"
        + " and the consultation responses about those closures.";
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    List<String> references = Stream.of("Ann Able", "Ben Baker", "Cat Cole", "Dev Dean", "Eve Emms")
        .map(name -> RequesterAsksAgain.logged(engine, name, today, "Dear council,\n\n" + campaign
            + "\n\nYours faithfully,\n\n" + name).reference())
        .toList();
    String set = jdbc.queryForObject("SELECT round_robin_id FROM foi_case WHERE reference = ?", String.class,
        references.get(4));
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      tasklist.logIn("maya");

      driver.get(base + "/cases/" + references.get(2) + "#links");
      WebElement line = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
          By.partialLinkText("One of 5 near-identical requests")));
      line.click();
      tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("officer")));
      assertThat(driver.getCurrentUrl()).endsWith("/round-robins/" + set);
      assertThat(driver.findElement(By.cssSelector("section[aria-labelledby='members-heading']")).getText())
          .contains(references.toArray(String[]::new));
      new Select(driver.findElement(By.id("officer"))).selectByValue(FoiCase.OFFICER);
      driver.findElement(By.xpath("//button[normalize-space(.)='Give them the round robin']")).click();

      tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.confirmation")));
      assertThat(driver.findElement(By.cssSelector("section[aria-labelledby='officer-heading']")).getText())
          .contains("Handled by Olivia Okafor (olivia)");
      chromium.screenshot("round-robin-given-to-one-officer");
    }
    // every request's triage is now the officer's
    references.forEach(reference -> assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey("Triage").singleResult().getAssignee())
        .isEqualTo(FoiCase.OFFICER));
  }
}
