package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.CaseClock;
import org.foiflow.monitoring.TasklistFilters;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One FOI request worked end to end in a real browser, the way officers, approvers and managers meet
 * Tasklist and our Camunda Forms: logged through the start form, triaged, located, assessed (withheld in
 * full under s.31), harm and public interest tests, returned once by the approver, revised by the officer,
 * seen on the manager's deadline page, approved and issued. Each step leaves a screenshot in
 * target/screenshots/ (and FAILED-step.png when it fails); the engine is asked what really happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkingARequestInTasklistTest extends TasklistInChromium {

  private static final String OFFICER = "olivia";
  private static final String APPROVER = "amira";
  private static final String MANAGER = "maya";

  @Autowired
  HistoryService historyService;
  @Autowired
  CaseClock caseClock;

  private boolean storyIntact = true;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String requester = "Sam Browser " + run;
  private final String requestText = "Please tell me how many speed camera activations led to prosecutions in 2025, "
      + "and send me the force's deployment plan for mobile cameras (ref " + run + ").";
  private final String clarificationQuestion = "Which years, and fixed or mobile cameras? (" + run + ")";
  private final String clarifiedRequest = "How many mobile speed camera activations led to prosecutions in 2025, "
      + "and the force's deployment plan for mobile cameras (ref " + run + ").";
  private final String approverComment = "Please add where the requester can find the published camera sites.";
  private final String officerEdit = "The locations of fixed camera sites are published on our website (" + run + ").";
  private String reference;
  private String processInstanceId;

  @RegisterExtension
  final TestWatcher screenshotOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      storyIntact = false;
      if (chromium != null) {
        chromium.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
      }
    }
  };

  private void storySoFar() {
    assumeTrue(storyIntact, "an earlier step of the story failed");
  }

  private void shot(String name) {
    chromium.screenshot(name);
  }

  // --- 1. the officer logs the request -----------------------------------------------------------

  @Test
  @Order(1)
  void anOfficerLogsTheRequestThroughTheStartForm() {
    LocalDate today = caseClock.today();
    tasklist.logIn(OFFICER);
    WebElement form = tasklist.openStartForm("FOI request");
    tasklist.type(form, "Requester's name", requester)
        .type(form, "Email address for correspondence", "sam.browser@example.org")
        .date(form, "Date received (dd/mm/yyyy)", today)
        .select(form, "Received by", "Email")
        .choose(form, "Regime", "Freedom of Information Act 2000")
        .type(form, "Subject", "Speed cameras")
        .type(form, "The request, as written", requestText);
    shot("01-start-form");
    tasklist.start(form);

    ProcessInstance instance = tasklist.until(driver -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FoiRequest.PROCESS_KEY).variableValueEquals("requesterName", requester).singleResult());
    processInstanceId = instance.getId();
    Map<String, Object> logged = engine.getRuntimeService().getVariables(processInstanceId);
    reference = (String) logged.get("reference");
    assertThat(reference).matches("FOI-\\d{4}-\\d{5}");
    assertThat(instance.getBusinessKey()).isEqualTo(reference);
    assertThat(logged).containsEntry("receivedOn", today.toString()).containsEntry("channel", "EMAIL")
        .containsEntry("regime", "FOIA").containsEntry("requestText", requestText);
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Triage");
  }

  // --- 2. the officer works it through the forms -------------------------------------------------

  @Test
  @Order(2)
  void theOfficerTriagesLocatesAndAssessesIt() {
    storySoFar();
    WebElement unclear = openAndClaim(TasklistFilters.MY_GROUP, "Triage");
    assertThat(tasklist.value(unclear, "Reference")).isEqualTo(reference);
    assertThat(tasklist.value(unclear, "Request")).isEqualTo(requestText);
    assertThat(unclear.getText()).as("the request in context, from the triageContext listener")
        .contains("This request in context", "The requester's other requests",
            "May be aggregated for the cost limit (s.12, Fees Regulations 2004 reg 5)");
    tasklist.choose(unclear, "Regime", "FOIA: information in general")
        .tick(unclear, "Valid request under s.8", true)
        .tick(unclear, "We need more detail to identify and locate the information (s.1(3))", true)
        .type(unclear, "What we will ask the requester", clarificationQuestion)
        .type(unclear, "Estimated hours to determine, locate, retrieve and extract (s.12)", "1");
    shot("02-triage-asks-for-clarification");
    complete(unclear);

    // the case waits on the requester: it is work in its own filter, and its form records the answer
    WebElement waiting = openAndClaim(TasklistFilters.WAITING_ON_REQUESTER, "Awaiting clarification");
    assertThat(waiting.getText()).contains(clarificationQuestion);
    tasklist.choose(waiting, "What did the requester do?",
            "Clarified the request: restart the clock (20 working days from the day received)")
        .date(waiting, "Date the clarification was received (dd/mm/yyyy)", caseClock.today())
        .type(waiting, "The clarified request (it replaces the wording of the request)", clarifiedRequest);
    shot("02a-waiting-on-the-requester");
    complete(waiting);
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "clarificationReceivedOn"))
        .isEqualTo(caseClock.today().toString());

    WebElement triage = openAndClaim(TasklistFilters.MY_GROUP, "Triage");
    assertThat(tasklist.value(triage, "Request")).as("the clarified request replaces the first wording")
        .isEqualTo(clarifiedRequest);
    tasklist.choose(triage, "Regime", "FOIA: information in general")
        .tick(triage, "Valid request under s.8", true)
        .type(triage, "Estimated hours to determine, locate, retrieve and extract (s.12)", "6");
    shot("02-triage");
    complete(triage);

    WebElement locate = openAndClaim(TasklistFilters.MY_GROUP, "Locate and retrieve information");
    tasklist.type(locate, "Where it is held (team, system, file)", "Road Policing Unit, camera deployment log");
    tasklist.clickComplete(locate);
    // what is held may wait while business units are asked, but not when the case goes on to the assessment
    tasklist.until(driver -> tasklist.notifications().isBlank() ? null : true);
    assertThat(tasklist.notifications()).contains("What is held").doesNotContain("ENGINE-");
    shot("03-field-is-required");
    assertThat(openTask().getTaskDefinitionKey()).as("without what is held the case does not go on")
        .isEqualTo("LocateInformation");
    tasklist.closeNotifications();
    tasklist.type(locate, "What is held", "Prosecution figures for 2025 and the mobile camera deployment plan.")
        .type(locate, "Hours spent locating and retrieving", "2");
    complete(locate);

    WebElement assess = openAndClaim(TasklistFilters.MY_GROUP, "Assess exemptions");
    tasklist.choose(assess, "Response", "Withhold in full")
        .choose(assess, "Exemptions and exceptions engaged", "Section 31: Law enforcement")
        .type(assess, "Why the exemptions apply", "The deployment plan shows where and when mobile cameras operate.");
    shot("04-assess-exemptions");
    complete(assess);

    WebElement harm = openAndClaim(TasklistFilters.MY_GROUP, "Harm test (Section 31, Law enforcement)");
    tasklist.type(harm, "The harm (the prejudice to the interest the exemption protects)",
            "Drivers could avoid enforcement where cameras are known not to operate.")
        .type(harm, "How disclosure would cause it (causal link)",
            "The plan lists sites and times; with it, speeding at unmonitored sites carries no risk.")
        .choose(harm, "Likelihood", "Would be likely to prejudice (a real and significant risk)")
        .choose(harm, "Conclusion", "Harm is shown: the exemption is engaged");
    complete(harm);

    WebElement publicInterest = openAndClaim(TasklistFilters.MY_GROUP, "Public interest test (Section 31, Law enforcement)");
    tasklist.type(publicInterest, "Factors favouring disclosure", "Transparency about how camera enforcement is targeted.")
        .type(publicInterest, "Factors favouring non-disclosure", "Enforcement would lose its deterrent effect.")
        .choose(publicInterest, "Balance", "The public interest in maintaining the exemption outweighs disclosure")
        .type(publicInterest, "Balancing test: how the factors were weighed",
            "Road safety outweighs the general interest in openness; the published site list meets much of it.");
    shot("05-public-interest-test");
    complete(publicInterest);

    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("ApproveResponse");
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "outcome")).isEqualTo("WITHHELD_IN_FULL");
  }

  // --- 3. the approver returns the draft, the officer revises it ---------------------------------

  @Test
  @Order(3)
  void theApproverReturnsTheDraftAndTheOfficerRevisesIt() {
    storySoFar();
    tasklist.logIn(APPROVER);
    WebElement approve = openAndClaim(TasklistFilters.AWAITING_APPROVAL, "Approve response");
    // what was decided in words, and the draft rendered as the requester will read it: no raw code or markup
    assertThat(approve.getText()).contains("Withheld in full", "Section 31", reference)
        .doesNotContain("WITHHELD_IN_FULL", "=====", "**");
    tasklist.choose(approve, "Decision", "Return with comments")
        .choose(approve, "Return to", "The officer, to revise the letter")
        .type(approve, "Comments for the officer", approverComment);
    shot("06-approve-return");
    complete(approve);

    tasklist.logIn(OFFICER);
    WebElement revise = openAndClaim(TasklistFilters.MY_GROUP, "Revise draft response");
    assertThat(tasklist.value(revise, "Comments to answer (approver, press office or senior clearance)")).isEqualTo(approverComment);
    assertThat(tasklist.value(revise, "Letter (Markdown)")).contains("Section 31");
    tasklist.append(revise, "Letter (Markdown)", "\n\n" + officerEdit);
    shot("07-revise-draft");
    complete(revise);
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("ApproveResponse");
  }

  // --- 4. the manager sees the case on the deadline page ------------------------------------------

  @Test
  @Order(4)
  void theManagerSeesTheCaseOnTheDeadlinePage() {
    storySoFar();
    // one sign-in: the manager logs in to Tasklist and opens the deadline page with no second login
    tasklist.logIn(MANAGER);
    chromium.driver().get(url("/deadlines.html"));
    assertThat(chromium.driver().getCurrentUrl()).endsWith("/deadlines.html");
    WebElement row = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#rows tr[data-reference='" + reference + "']")));
    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells.get(0)).isEqualTo(reference);
    // reference, subject, requester, stage, assignee, received
    assertThat(cells.get(2)).isEqualTo(requester);
    assertThat(cells.get(3)).isEqualTo("Approve response");
    // UK order, never ISO or US
    assertThat(cells.get(5)).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
    WebElement badge = row.findElement(By.cssSelector(".badge"));
    assertThat(badge.getText()).isEqualTo("On track");
    assertThat(badge.getDomAttribute("class")).contains("ON_TRACK");
    shot("08-deadlines");

    // the manager finds the case by the requester's name, as an officer would months later
    chromium.driver().get(url("/cases"));
    WebElement words = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
    words.sendKeys(requester.toLowerCase(java.util.Locale.UK));
    tasklist.click(chromium.driver().findElement(By.cssSelector("form.search button[type=submit]")));
    WebElement found = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("a[href='/cases/" + reference + "']")));
    assertThat(chromium.driver().findElement(By.tagName("main")).getText()).contains(requester, "Speed cameras");
    shot("08a-search");

    // its case page: the request as clarified, the decisions so far and who took them, the timeline, the letters
    tasklist.click(found);
    tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
    assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Case " + reference);
    String casePage = chromium.driver().findElement(By.tagName("main")).getText();
    assertThat(casePage).contains(requester, clarifiedRequest, "Approve response", "Section 31",
        "Awaiting clarification");
    assertThat(chromium.driver().findElements(By.cssSelector("#letters ~ * a[href$='.pdf'], #letters + * a[href$='.pdf']")))
        .as("the letters so far, each as PDF").isNotEmpty();
    shot("08b-case-page");
    chromium.driver().get(url("/deadlines.html"));
    tasklist.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#rows tr[data-reference='" + reference + "']")));

    // signing out of the deadline page signs out of Tasklist too
    tasklist.click(chromium.driver().findElement(By.cssSelector("form.sign-out button")));
    tasklist.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
        "You have signed out."));
    shot("08c-signed-out");
    chromium.driver().get(url("/deadlines.html"));
    assertThat(chromium.driver().getCurrentUrl()).endsWith("/login");
  }

  // --- 5. the approver approves; the edited letter goes out ---------------------------------------

  @Test
  @Order(5)
  void theApproverApprovesAndTheEditedLetterIsIssued() throws IOException {
    storySoFar();
    tasklist.logIn(APPROVER);
    WebElement approve = openAndClaim(TasklistFilters.AWAITING_APPROVAL, "Approve response");
    assertThat(approve.getText()).contains(officerEdit).contains("Section 31");
    // what was decided, in words, above the letter rendered as the requester will read it
    WebElement letterHeading = approve.findElement(By.xpath(".//h3[contains(., 'The letter as it will be sent')]"));
    assertThat(approve.getText()).contains("Withheld in full").doesNotContain("WITHHELD_IN_FULL");
    tasklist.scrollIntoView(letterHeading);
    shot("09-approve-rendered-draft");
    tasklist.choose(approve, "Decision", "Approve and issue");
    shot("09-approve");
    complete(approve);

    HistoricProcessInstance closed = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(closed.getEndTime()).as("the case has ended").isNotNull();
    assertThat(closed.getEndActivityId()).isEqualTo("ResponseIssued");
    assertThat(variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
    assertThat(text(variable("draftLetterText"))).contains(officerEdit).contains("Section 31");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> letters = (List<Map<String, Object>>) variable("letters");
    Map<String, Object> issued = letters.stream().filter(letter -> letter.get("sentOn") != null)
        .filter(letter -> !"ACKNOWLEDGEMENT".equals(letter.get("type"))).reduce((first, last) -> last).orElseThrow();
    assertThat(issued.get("id")).isEqualTo(variable("draftLetterId"));
    FileValue html = (FileValue) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(issued.get("id") + "Html").disableCustomObjectDeserialization()
        .singleResult().getTypedValue();
    try (InputStream in = html.getValue()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("the letter that was issued")
          .contains(officerEdit);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private WebElement openAndClaim(String filter, String stage) {
    WebElement pane = tasklist.openTask(filter, stage + " – " + reference);
    tasklist.claim(pane);
    return pane;
  }

  /** Completes the open task in the browser and waits until the engine has it completed. */
  private void complete(WebElement pane) {
    Task task = openTask();
    tasklist.clickComplete(pane);
    try {
      waitUntilCompleted(pane, task);
    } catch (TimeoutException stuck) {
      throw new AssertionError("\"" + task.getName() + "\" did not complete; the browser said: "
          + chromium.driver().manage().logs().get("browser").getAll(), stuck);
    }
  }

  private void waitUntilCompleted(WebElement pane, Task task) {
    tasklist.until(driver -> {
      if (historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1) {
        return true;
      }
      List<String> errors = tasklist.errorsOn(pane);
      String notifications = tasklist.notifications();
      if (!errors.isEmpty() || !notifications.isEmpty()) {
        throw new AssertionError("\"" + task.getName() + "\" did not complete: " + errors + notifications);
      }
      return null;
    });
  }

  private Task openTask() {
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .active().list().stream()
        .filter(task -> !List.of("DeadlineAtRisk", "DeadlineBreached").contains(task.getTaskDefinitionKey())).toList();
    assertThat(open).as("one open task on the case's main path").hasSize(1);
    return open.get(0);
  }

  private Object variable(String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(processInstanceId))
        .findFirst().orElseThrow(() -> new AssertionError("no variable " + name));
    return variable.getValue();
  }

  private static String text(Object value) {
    return value instanceof SpinJsonNode json && json.isString() ? json.stringValue() : String.valueOf(value);
  }
}
