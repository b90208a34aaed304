package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.CaseClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer logs a request in Tasklist's start dialog typing dates day first: a date that is not typed so is
 * refused beside its field; a future date is refused in plain words naming the field; 14/05/2026 is the 14th of
 * May; and once logged, the officer is told the case's reference and due date and lands on its first task.
 * Screenshots go to target/screenshots/uk-dates-*.png.
 */
class LoggingARequestWithUkDatesTest extends TasklistInChromium {

  @Autowired
  CaseClock caseClock;


  @Test
  void anOfficerTypesUkDatesIsToldWhatIsWrongAndLandsOnTheNewCasesFirstTask() {
    String requester = "Ursula Kaye " + System.nanoTime();
    tasklist.logIn("olivia");
    WebElement form = tasklist.openStartForm("FOI request");
    tasklist.type(form, "Requester's name", requester)
        .type(form, "Email address for correspondence", "ursula.kaye@example.org")
        .select(form, "Received by", "Email")
        .choose(form, "Regime", "Freedom of Information Act 2000")
        .type(form, "Subject", "Road gritting")
        .type(form, "The request, as written", "Which roads did you grit in January 2026?");

    // not typed day first: refused beside the field, before anything is sent
    tasklist.type(form, "Date received (dd/mm/yyyy)", "May 14 2026");
    tasklist.clickStart(form);
    tasklist.until(driver -> tasklist.errorsOn(form).contains(
        "Enter the date day first, as DD/MM/YYYY: for example 14/05/2026.") ? true : null);
    assertThat(tasklist.errorsOn(form)).noneSatisfy(error -> assertThat(error).contains("pattern"));

    // in the future: refused by the engine's rule, in plain words naming the field
    LocalDate today = caseClock.today();
    tasklist.date(form, "Date received (dd/mm/yyyy)", today.plusDays(1));
    tasklist.clickStart(form);
    String refusal = "Date received: cannot be in the future (today is "
        + today.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + ")";
    String page = tasklist.untilShown(refusal);
    tasklist.until(driver -> tasklist.errorsOn(form).contains("Cannot be in the future (today is "
        + today.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + ").") ? true : null);
    chromium.screenshot("uk-dates-1-future-date-refused");
    assertThat(page).doesNotContain("ENGINE-", "Cannot instantiate", "TaskListener", "Exception");
    assertThat(started(requester)).isNull();

    // day first: the 14th of May, and the officer is told the reference and due date and lands on Triage
    tasklist.type(form, "Date received (dd/mm/yyyy)", "14/05/2026");
    tasklist.start(form);
    ProcessInstance instance = tasklist.until(driver -> started(requester));
    Map<String, Object> logged = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(logged).containsEntry("receivedOn", "2026-05-14").containsEntry("dueOn", "2026-06-12");
    String told = tasklist.untilShown("Logged as " + instance.getBusinessKey() + ", due 12 June 2026");
    tasklist.click(chromium.driver().findElement(By.xpath(
        "//*[@id='foiflow-case-logged']//a[starts-with(normalize-space(.), 'Open Triage')]")));
    WebElement pane = tasklist.until(driver -> {
      WebElement task = driver.findElement(By.cssSelector("[cam-tasklist-task]"));
      return task.findElement(By.cssSelector("h2.task")).getText().trim().startsWith("Triage") ? task : null;
    });
    assertThat(chromium.driver().getCurrentUrl()).contains("task=" + engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult().getId());
    assertThat(pane.getText()).contains("Triage");
    chromium.screenshot("uk-dates-2-logged-and-on-triage");
  }

  private ProcessInstance started(String requester) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FoiRequest.PROCESS_KEY)
        .variableValueEquals("requesterName", requester).singleResult();
  }
}
