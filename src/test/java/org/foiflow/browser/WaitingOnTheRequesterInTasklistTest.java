package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.monitoring.TasklistFilters;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer records a requester's clarification in Tasklist, from the "Waiting on the requester" filter: the form
 * says what was asked and when (a UK date), takes the date as typed (dd/mm/yyyy), refuses one before we wrote to the
 * requester (the task stays open), and restarts the clock. Screenshots go to target/screenshots/.
 */
class WaitingOnTheRequesterInTasklistTest extends TasklistInChromium {

  @Autowired
  CaseClock caseClock;
  @Autowired
  StatutoryClock statutoryClock;


  @Test
  void anOfficerRecordsTheClarificationFromTheWaitingFilter() {
    LocalDate today = caseClock.today();
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Wendy Waiting", today))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which depot do you mean?"));

    tasklist.logIn(FoiCase.OFFICER);
    WebElement pane = tasklist.openTask(TasklistFilters.WAITING_ON_REQUESTER, "Awaiting clarification – " + foi.reference());
    tasklist.claim(pane);
    assertThat(tasklist.value(pane, "Reference")).isEqualTo(foi.reference());
    String askedOn = today.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    tasklist.until(driver -> pane.getText().contains("We asked on " + askedOn) ? true : null);
    assertThat(pane.getText()).contains("Which depot do you mean?");

    tasklist.choose(pane, "What did the requester do?",
            "Clarified the request: restart the clock (20 working days from the day received)")
        .type(pane, "Date the clarification was received (dd/mm/yyyy)", FoiCase.typed(today.minusDays(1)))
        .type(pane, "The clarified request (it replaces the wording of the request)", "The Hightown depot only.");
    chromium.screenshot("waiting-01-clarification");
    tasklist.clickComplete(pane);
    tasklist.until(driver -> tasklist.notifications().isBlank() ? null : true);
    // the rule's own words, naming the field as the form labels it, never an engine code
    assertThat(tasklist.notifications()).contains("Date the clarification was received").doesNotContain("ENGINE-");
    assertThat(foi.task("AwaitingClarification")).as("refused, the task stays open").isNotNull();
    assertThat(foi.variable("clarificationReceivedOn")).as("nothing of the refused answer kept").isNull();
    chromium.screenshot("waiting-02-refused");

    tasklist.closeNotifications();
    tasklist.type(pane, "Date the clarification was received (dd/mm/yyyy)", FoiCase.typed(today));
    tasklist.clickComplete(pane);
    tasklist.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId())
        .taskDefinitionKey("Triage").singleResult());
    assertThat(foi.variable("clarificationReceivedOn")).isEqualTo(today.toString());
    assertThat(foi.variable("dueOn")).isEqualTo(statutoryClock.responseDue(today).toString());
    assertThat(foi.variable("requestText")).isEqualTo("The Hightown depot only.");
  }
}
