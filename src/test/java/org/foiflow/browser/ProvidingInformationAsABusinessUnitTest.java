package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.documents.SampleFiles;
import org.foiflow.monitoring.TasklistFilters;
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
 * A business unit provides information with a document, in headless Chromium: hugo (Highways) opens "Provide
 * information" from his unit's Tasklist filter, follows its link to the contribution page, uploads a PDF and sees it
 * listed, goes back to his task in Tasklist and provides the information; the officer's case page then shows the contribution
 * and the document. Screenshots under target/screenshots/unit-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ProvidingInformationAsABusinessUnitTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aUnitMemberAddsADocumentOnTheContributionPageAndProvidesTheInformationInTasklist() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Una Unit", LocalDate.now(ZoneId.of("Europe/London"))))
        .validAndHeld();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Path pdf = Files.createDirectories(Path.of("target", "unit-upload")).resolve("Gully cleaning " + marker + ".pdf");
    Files.write(pdf, SampleFiles.pdf(List.of(List.of("Gully cleaning schedule " + marker))));
    String base = "http://localhost:" + port;

    try (Chromium chromium = Chromium.start()) {
      WebDriver driver = chromium.driver();
      Tasklist tasklist = new Tasklist(driver, base, engine.getName());
      // the officer asks Highways at Locate, in Tasklist, before knowing what is held
      tasklist.logIn(FoiCase.OFFICER);
      WebElement locate = tasklist.openTask(TasklistFilters.MY_GROUP,
          "Locate and retrieve information – " + foi.reference());
      tasklist.claim(locate);
      tasklist.choose(locate, "Ask business units that hold the information", "Highways");
      chromium.screenshot("unit-0-officer-asks-highways");
      tasklist.clickComplete(locate);
      Task task = tasklist.until(driver1 -> engine.getTaskService().createTaskQuery()
          .processInstanceId(foi.instance().getId()).taskDefinitionKey("ProvideInformation").singleResult());
      assertThat(task.getName()).isEqualTo("Provide information – " + foi.reference());

      tasklist.logIn(FoiCase.HIGHWAYS_MEMBER);

      WebElement pane = tasklist.openTask("Provide information: Highways", task.getName());
      WebElement link = tasklist.until(driver1 -> pane.findElement(By.xpath(
          ".//a[starts-with(normalize-space(.), 'Add the documents you hold for " + foi.reference() + "')]")));
      chromium.screenshot("unit-1-task");
      String contributionPage = link.getDomProperty("href");
      assertThat(contributionPage).contains("/contributions/");
      driver.get(contributionPage);

      tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
      assertThat(driver.findElement(By.tagName("main")).getText()).contains(foi.reference(), "Highways")
          .doesNotContain("Una Unit");
      driver.findElement(By.id("document-files")).sendKeys(pdf.toAbsolutePath().toString());
      WebElement listed = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//div[@id='documents-list']//th[normalize-space(.)='" + pdf.getFileName() + "']")));
      assertThat(listed.findElement(By.xpath("..")).getText()).contains("hugo (Highways)");
      chromium.screenshot("unit-2-contribution-page");

      driver.findElement(By.linkText("Back to the task in Tasklist")).click();
      WebElement back = tasklist.until(driver1 -> {
        WebElement again = driver1.findElement(By.cssSelector("[cam-tasklist-task]"));
        return again.findElement(By.cssSelector("h2.task")).getText().trim().equals(task.getName()) ? again : null;
      });
      tasklist.claim(back);
      chromium.screenshot("unit-3-back-at-the-task");
      // hugo answers in Tasklist itself: the checklist of recommended exemptions goes with it (as an empty list)
      tasklist.choose(back, "Does your unit hold the information?", "Yes: we provide it")
          .type(back, "What is held (what, where, how much)", "The gully cleaning schedule for 2025, " + marker)
          .type(back, "Hours spent locating and retrieving it", "1.5");
      tasklist.clickComplete(back);
      tasklist.until(driver1 -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId())
          .finished().count() == 1 ? true : null);
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count())
          .isEqualTo(1);

      tasklist.logIn(FoiCase.OFFICER);
      driver.get(base + "/cases/" + foi.reference() + "#contributions");
      WebElement section = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("section[aria-labelledby='contributions']")));
      assertThat(section.getText()).contains("Highways", pdf.getFileName().toString(), "Provided the information",
          "The gully cleaning schedule for 2025, " + marker, "1.5", "by hugo");
      assertThat(driver.findElement(By.id("documents-list")).getText()).contains(pdf.getFileName().toString(),
          "Added by hugo (Highways)");
      chromium.screenshot("unit-4-case-page");
    }
  }
}
