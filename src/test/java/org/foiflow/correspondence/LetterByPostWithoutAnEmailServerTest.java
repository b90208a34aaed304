package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.security.FoiGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Post is work (issue 15), with no email server configured (the test profile has no spring.mail.host): every
 * letter becomes a "Print and post" task for the FOI officers, never a silent mark; completing it records the
 * date posted, checked by the engine whatever the route, and the case shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LetterByPostWithoutAnEmailServerTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** The engine's today in these tests: a Thursday, so the next working day is Friday 4 December. */
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  UkWorkingDays workingDays;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void engineDay() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private FoiCase logged(VariableMap request) {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine, request)));
    return logged.get();
  }

  private List<Task> printAndPostTasks(String reference) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY)
        .processInstanceBusinessKey(reference).list();
  }

  private Object variable(Task task, PostVariable variable) {
    return engine.getTaskService().getVariable(task.getId(), variable.key());
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, FoiCase.OFFICER, "demo")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequesterWithAnEmailGetsAPrintAndPostTaskWhenNoEmailServerIsConfigured() throws Exception {
    FoiCase foi = logged(FoiCase.aRequest("Ella Emailed", LocalDate.of(2026, 12, 1)));

    List<Task> tasks = printAndPostTasks(foi.reference());
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(task.getName()).isEqualTo("Print and post – " + foi.reference() + " (acknowledgement)");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(FoiGroups.OFFICERS);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("print-and-post");
    assertThat(LocalDate.ofInstant(task.getDueDate().toInstant(), LONDON)).isEqualTo(LocalDate.of(2026, 12, 4))
        .isEqualTo(workingDays.addWorkingDays(TODAY, 1));
    assertThat(LocalDate.ofInstant(task.getFollowUpDate().toInstant(), LONDON)).isEqualTo(TODAY);
    assertThat((String) variable(task, PostVariable.POST_REASON)).startsWith("No email server is configured");
    assertThat(variable(task, PostVariable.RECIPIENT_NAME)).isEqualTo("Ella Emailed");
    // she gave an email address only: the form says so and asks for an address
    assertThat(variable(task, PostVariable.POSTAL_ADDRESS_KNOWN)).isEqualTo(false);
    assertThat(variable(task, PostVariable.POSTAL_ADDRESS)).isNull();
    String pdf = (String) variable(task, PostVariable.LETTER_PDF);
    assertThat(pdf).isEqualTo("/api/requests/" + foi.reference() + "/letters/letter1.pdf");

    // the link works for an officer, and the letter is a PDF
    HttpResponse<byte[]> letter = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pdf))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.OFFICER, "demo")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(new String(letter.body(), 0, 5)).isEqualTo("%PDF-");

    // the case page lists the waiting task, and the letter as waiting to be posted
    String casePage = page("/cases/" + foi.reference());
    assertThat(casePage).contains("Print and post – " + foi.reference(), "Waiting to be printed and posted");
  }

  @Test
  void aRequesterWithoutAnEmailGetsAPrintAndPostTaskToTheirPostalAddress() {
    VariableMap request = FoiCase.aRequest("Paul Paper", LocalDate.of(2026, 12, 1));
    request.remove("requesterEmail");
    request.putValue("requesterAddress", "1 High Street\nAnytown AB1 2CD");
    request.putValue("channel", "POST");
    FoiCase foi = logged(request);

    List<Task> tasks = printAndPostTasks(foi.reference());
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat((String) variable(task, PostVariable.POST_REASON)).isEqualTo("The requester gave no email address.");
    assertThat(variable(task, PostVariable.POSTAL_ADDRESS_KNOWN)).isEqualTo(true);
    assertThat(variable(task, PostVariable.POSTAL_ADDRESS)).isEqualTo("1 High Street\nAnytown AB1 2CD");
    assertThat(variable(task, PostVariable.RECIPIENT_NAME)).isEqualTo("Paul Paper");
  }

  @Test
  void completingPrintAndPostRecordsTheDatePostedOnTheLetterAndTheCaseShowsIt() throws Exception {
    FoiCase foi = logged(FoiCase.aRequest("Dora Dated", LocalDate.of(2026, 12, 1)));
    Task task = printAndPostTasks(foi.reference()).get(0);

    foi.as(FoiCase.OFFICER, () -> {
      engine.getTaskService().claim(task.getId(), FoiCase.OFFICER);
      engine.getTaskService().complete(task.getId(), Map.of("datePosted", "03/12/2026",
          "postalAddress", "2 Low Road, Anytown"));
    });

    assertThat(printAndPostTasks(foi.reference())).isEmpty();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName(PostVariable.POSTED_ON.key()).singleResult()
        .getValue()).isEqualTo("2026-12-03");

    JsonNode letters = json.readTree(call("GET", "/api/requests/" + foi.reference() + "/letters", null).body());
    assertThat(letters.get(0).get("channel").asText()).isEqualTo("POST");
    assertThat(letters.get(0).get("postedOn").asText()).isEqualTo("2026-12-03");
    JsonNode status = json.readTree(call("GET", "/api/requests/" + foi.reference(), null).body());
    assertThat(status.get("post").get(0).asText()).isEqualTo("Acknowledgement: Posted on 3 December 2026");
    assertThat(page("/cases/" + foi.reference())).contains("Posted on 3 December 2026")
        .doesNotContain("Print and post – " + foi.reference());
  }

  @Test
  void aFutureOrImpossibleDatePostedIsRefusedThroughEngineRestNamingTheField() throws Exception {
    FoiCase foi = logged(FoiCase.aRequest("Fay Future", LocalDate.of(2026, 12, 1)));
    Task task = printAndPostTasks(foi.reference()).get(0);
    foi.as(FoiCase.OFFICER, () -> engine.getTaskService().claim(task.getId(), FoiCase.OFFICER));

    for (String[] refused : new String[][] {{"04/12/2026", "cannot be in the future"},
        {"31/02/2026", "must be a real day"}, {"02/12/2026", "cannot be before the letter was written"},
        {"12/03", "must be a real day"}}) {
      HttpResponse<String> response = call("POST", "/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/complete",
          "{\"variables\":{\"datePosted\":{\"value\":\"" + refused[0] + "\"},"
              + "\"postalAddress\":{\"value\":\"3 Side Street, Anytown\"}}}");
      assertThat(response.statusCode()).as(refused[0] + ": " + response.body()).isEqualTo(400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("errors").path("datePosted").asText()).as(refused[0] + ": " + response.body())
          .startsWith("(Date posted)").contains(refused[1]);
    }
    assertThat(printAndPostTasks(foi.reference())).hasSize(1);
    String status = call("GET", "/api/requests/" + foi.reference(), null).body();
    assertThat(json.readTree(status).path("post").path(0).asText()).as(status)
        .isEqualTo("Acknowledgement: Waiting to be printed and posted");

    HttpResponse<String> posted = call("POST", "/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/complete",
        "{\"variables\":{\"datePosted\":{\"value\":\"2026-12-03\"},\"postalAddress\":{\"value\":\"3 Side Street\"}}}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    assertThat(printAndPostTasks(foi.reference())).isEmpty();
  }

  @Test
  void theTaskIsCreatedOnceWhenTheDispatchOfTheSameLetterRunsTwice(@Autowired LettersByPost lettersByPost,
      @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
    FoiCase foi = logged(FoiCase.aRequest("Tess Twice", LocalDate.of(2026, 12, 1)));
    String caseId = foi.instance().getId();
    Map<String, Object> values = Map.of("reference", foi.reference(), "requesterName", "Tess Twice");
    String definition = foi.instance().getProcessDefinitionId();
    for (int dispatch = 0; dispatch < 2; dispatch++) {
      new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx ->
          lettersByPost.fromOutbox(caseId, definition, "letter1", PostReason.EMAIL_FAILED, "again", values));
    }
    assertThat(printAndPostTasks(foi.reference())).hasSize(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(LettersByPost.PROCESS_KEY).processInstanceBusinessKey(foi.reference()).count()).isEqualTo(1);
  }

  private String page(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.OFFICER, "demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
