package org.foiflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentDecision;
import org.foiflow.documents.SampleFiles;
import org.foiflow.http.Outsider;
import org.foiflow.incoming.MailboxMessages.Email;
import org.foiflow.incoming.MailboxMessages.Filed;
import org.foiflow.mailbox.MailFiling;
import org.foiflow.monitoring.TasklistFilters;
import org.foiflow.process.FoiCase;
import org.foiflow.review.InternalReview;
import org.foiflow.security.StaffDoors;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** One scenario per path through bpmn/incoming-correspondence.bpmn, named after the path, and the holding pen's API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class IncomingCorrespondenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailFiling filing;
  @Autowired
  CaseDocuments documents;
  @Autowired
  CorrespondenceRetention retention;

  private MailboxMessages mailbox;
  private final LocalDate today = LocalDate.now(LONDON);

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
    mailbox = new MailboxMessages(engine, jdbc, filing);
  }

  private StaffDoors doors() {
    return new StaffDoors(port, engine.getName());
  }

  /** Arrived an hour ago (today in London, whatever the hour of the run, except just after midnight). */
  private Instant arrived() {
    Instant hourAgo = Instant.now().minusSeconds(3600);
    return LocalDate.ofInstant(hourAgo, LONDON).equals(today) ? hourAgo : Instant.now();
  }

  private Task task(ProcessInstance process, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private void complete(Task task, Map<String, Object> values) {
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> engine.getTaskService().complete(task.getId(), values));
  }

  /** The problems, by field, of a completion the engine refused. */
  private static Map<String, String> refused(Runnable completion) {
    Throwable cause = org.assertj.core.api.Assertions.catchThrowable(completion::run);
    while (cause != null && !(cause instanceof CaseDataInvalidException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("refused with the fields named").isInstanceOf(CaseDataInvalidException.class);
    return ((CaseDataInvalidException) cause).problems();
  }

  private String status(String id) {
    return jdbc.queryForObject("SELECT status FROM foi_correspondence WHERE id = ?", String.class, id);
  }

  private Object processVariable(ProcessInstance process, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName(name).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
  }

  @Test
  void unplacedMessageSortedAsANewRequestBecomesACaseByEmail() {
    Filed filed = mailbox.file(Email.from("Wendy Whatdo", "wendy@example.org", "Grit bins",
            "Please tell me how many grit bins the council filled in 2025.")
        .replyTo("request-123-abcd@whatdotheyknow.com")
        .attaching("grit-bin-map.pdf", SampleFiles.pdf(List.of(List.of("Grit bins, ward map")))), arrived());
    assertThat(filed.process()).isWaitingAt(IncomingCorrespondence.SORT_CORRESPONDENCE);
    Task sort = task(filed.process(), IncomingCorrespondence.SORT_CORRESPONDENCE);
    assertThat(sort.getName()).isEqualTo("Sort correspondence – Grit bins");
    assertThat(sort.getDueDate()).isNotNull();
    Map<String, Object> prefilled = engine.getTaskService().getVariables(sort.getId());
    assertThat(prefilled).containsEntry("requesterName", "Wendy Whatdo")
        .containsEntry("requesterEmail", "request-123-abcd@whatdotheyknow.com")
        .containsEntry("requestText", "Please tell me how many grit bins the council filled in 2025.");

    complete(sort, Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA"));

    assertThat(filed.process()).hasPassed("LogAsNewRequest").isWaitingAt("FileAttachmentsToNewCase");
    // the attachments follow once the new case is committed: the test drives that job itself
    BpmnAwareTests.execute(BpmnAwareTests.job(filed.process()));
    assertThat(filed.process()).isEnded().hasPassed("LoggedAsNewRequest");
    String reference = (String) processVariable(filed.process(), "caseReference");
    assertThat(reference).matches("FOI-\\d{4}-\\d{5}");
    ProcessInstance foiCase = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foi-request")
        .processInstanceBusinessKey(reference).singleResult();
    Map<String, Object> caseVariables = engine.getRuntimeService().getVariables(foiCase.getId());
    assertThat(caseVariables).containsEntry("channel", "EMAIL").containsEntry("requesterName", "Wendy Whatdo")
        .containsEntry("requesterEmail", "request-123-abcd@whatdotheyknow.com")
        .containsEntry("receivedOn", today.toString()).containsEntry("requestMessageId", filed.messageId())
        .containsEntry("subject", "Grit bins");
    assertThat(documents.of(foiCase.getId())).as("its attachment is the new case's")
        .extracting(CaseDocument::fileName).containsExactly("grit-bin-map.pdf");
    assertThat(status(filed.id())).isEqualTo("LOGGED");
    assertThat(jdbc.queryForObject("SELECT reference FROM foi_correspondence WHERE id = ?", String.class, filed.id()))
        .isEqualTo(reference);
  }

  @Test
  void sortingWithBadFieldsThroughTheEngineApiAndTasklistIsRefusedNamingEachField() throws Exception {
    Filed filed = mailbox.file(Email.from("Ned", "ned@example.org", "Hello", "Hi"), arrived());
    Task sort = task(filed.process(), IncomingCorrespondence.SORT_CORRESPONDENCE);

    Answer noName = doors().engineRest("olivia", "POST", "/task/" + sort.getId() + "/complete",
        "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"requesterName\":{\"value\":\" \"},"
            + "\"requesterEmail\":{\"value\":\"not an address\"},\"regime\":{\"value\":\"FOIA\"}}}");
    assertThat(noName.status()).as(noName.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(noName.body());
    assertThat(noName.body()).contains("requesterName").contains("requesterEmail");
    assertThat(problem.toString()).doesNotContain("Exception");

    Answer noChoice = doors().engineRest("olivia", "POST", "/task/" + sort.getId() + "/complete",
        "{\"variables\":{\"sortedAs\":{\"value\":\"MAYBE\"}}}");
    assertThat(noChoice.status()).as(noChoice.body()).isEqualTo(400);
    assertThat(noChoice.body()).contains("sortedAs");
    // Tasklist's own route (the webapp's engine API, as the form submits it)
    Answer fromTasklist = doors().signIntoTasklist("olivia").call("POST", "/task/" + sort.getId() + "/submit-form",
        "{\"variables\":{\"sortedAs\":{\"value\":\"FILE_TO_CASE\"},\"fileToReference\":{\"value\":\"FOI-1999-00001\"}}}");
    assertThat(fromTasklist.status()).as(fromTasklist.body()).isEqualTo(400);
    assertThat(fromTasklist.body()).contains("fileToReference");
    assertThat(task(filed.process(), IncomingCorrespondence.SORT_CORRESPONDENCE)).as("still open").isNotNull();
    assertThat(status(filed.id())).isEqualTo("UNSORTED");

    // the prefilled values, confirmed through the engine's API, log the request
    Answer logged = doors().engineRest("olivia", "POST", "/task/" + sort.getId() + "/complete",
        "{\"variables\":{\"sortedAs\":{\"value\":\"NEW_REQUEST\"},\"regime\":{\"value\":\"EIR\"}}}");
    assertThat(logged.status()).as(logged.body()).isEqualTo(204);
    assertThat(status(filed.id())).isEqualTo("LOGGED");
    assertThat(jdbc.queryForObject("SELECT sorted_by FROM foi_correspondence WHERE id = ?", String.class, filed.id()))
        .isEqualTo("olivia");
  }

  @Test
  void unplacedMessageFiledToACaseGoesOnToWhatTheCaseWaitsFor() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Fiona Filed", today));
    Filed filed = mailbox.file(Email.from("Fiona Filed", "fiona.filed@example.org", "About my request",
        "I forgot to say: only the north depot."), arrived());
    Task sort = task(filed.process(), IncomingCorrespondence.SORT_CORRESPONDENCE);

    assertThat(refused(() -> complete(sort, Map.of("sortedAs", "FILE_TO_CASE", "fileToReference", "FOI-1999-99999"))))
        .containsKey("fileToReference");

    complete(sort, Map.of("sortedAs", "FILE_TO_CASE", "fileToReference", " " + foi.reference().toLowerCase() + " "));
    assertThat(filed.process()).as("filed by a job, after the officer's sorting").isWaitingAt("FileMessageToCase");
    MailboxMessages.workJobsOf(engine, filed.process().getId());
    assertThat(filed.process()).hasPassed("FileMessageToCase", "FindWhatTheCaseWaitsFor")
        .isWaitingAt(IncomingCorrespondence.NEW_CORRESPONDENCE);
    assertThat(task(filed.process(), IncomingCorrespondence.NEW_CORRESPONDENCE).getName())
        .isEqualTo("New correspondence – " + foi.reference());
    assertThat(status(filed.id())).isEqualTo("FILED");
    assertThat(jdbc.queryForObject("SELECT reference FROM foi_correspondence WHERE id = ?", String.class, filed.id()))
        .isEqualTo(foi.reference());
  }

  @Test
  void messageMarkedNotARequestIsDeletedWithItsHistoryOnceItsTimeIsOver() {
    Filed filed = mailbox.file(Email.from("Spam", "offers@example.com", "Cheap printer ink", "Buy now")
        .attaching("offer.pdf", SampleFiles.pdf(List.of(List.of("Offer")))), arrived());
    complete(task(filed.process(), IncomingCorrespondence.SORT_CORRESPONDENCE),
        Map.of("sortedAs", "NOT_A_REQUEST", "sortingNote", "Advertising"));
    assertThat(filed.process()).hasPassed("MarkNotARequest").isEnded();
    assertThat(status(filed.id())).isEqualTo("NOT_A_REQUEST");
    LocalDate deleteAfter = jdbc.queryForObject("SELECT delete_after FROM foi_correspondence WHERE id = ?",
        java.sql.Date.class, filed.id()).toLocalDate();
    assertThat(deleteAfter).isEqualTo(today.plusDays(90));

    assertThat(retention.removeNotRequestsPastKeeping(deleteAfter)).as("kept until its day").isZero();
    retention.removeNotRequestsPastKeeping(deleteAfter.plusDays(1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_correspondence WHERE id = ?", Integer.class, filed.id()))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_correspondence_attachment WHERE correspondence_id = ?",
        Integer.class, filed.id())).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(filed.process().getId()).count()).as("its text gone from history").isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(filed.process().getId()).count()).isZero();
  }

  @Test
  void messagesFiledToACaseAreDeletedWhenTheCasesHistoryIs() {
    FoiCase closed = FoiCase.logged(engine, FoiCase.aRequest("Hal History", today))
        .validAndHeld().located().assessed("FULL").approved();
    Filed filed = mailbox.file(Email.from("Hal History", "hal@example.org", "Re: " + closed.reference(), "Thanks."),
        arrived());
    assertThat(status(filed.id())).isEqualTo("FILED");
    assertThat(retention.removeMessagesOfForgottenCases()).as("kept while the case's history is").isZero();

    // history cleanup removes the closed case's history once its retention is over
    engine.getHistoryService().deleteHistoricProcessInstance(closed.instance().getId());
    assertThat(retention.removeMessagesOfForgottenCases()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_correspondence WHERE id = ?", Integer.class, filed.id()))
        .isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(filed.process().getId()).count()).as("the message's process and its text").isZero();
  }

  @Test
  void replyToACaseAwaitingClarificationFillsTheWaitingTaskAndOneChoiceRecordsIt() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Clara Reply", today))
        .triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which years?"));
    Instant arrived = arrived();
    Filed filed = mailbox.file(Email.from("Clara Reply", "clara.reply@example.org", "Re: " + foi.reference(),
        "2024 and 2025 only, please."), arrived);

    assertThat(filed.process()).hasPassed("FileMessageToCase", "FindWhatTheCaseWaitsFor", "ShowOnWaitingTask")
        .isEnded().hasPassed("FiledToWaitingCase");
    assertThat(processVariable(filed.process(), "caseWaitsFor")).isEqualTo("CLARIFICATION");
    Map<String, Object> waiting = engine.getTaskService().getVariables(foi.task("AwaitingClarification").getId());
    assertThat(waiting).containsEntry("clarificationReceivedOn", LocalDate.ofInstant(arrived, LONDON).toString())
        .containsEntry("clarifiedRequest", "2024 and 2025 only, please.")
        .containsEntry("latestCorrespondenceFrom", "Clara Reply <clara.reply@example.org>");

    foi.complete("AwaitingClarification", FoiCase.OFFICER, Map.of("requesterAnswer", "CLARIFIED"));
    assertThat(foi.instance()).hasPassed("RestartClock").isWaitingAt("Triage");
    assertThat(foi.variable("clarificationReceivedOn")).isEqualTo(LocalDate.ofInstant(arrived, LONDON).toString());
    assertThat(foi.variable("requestText")).isEqualTo("2024 and 2025 only, please.");
  }

  @Test
  void replyToACaseWaitingForNothingAsksAnOfficerAndAReviewRequestStartsTheReview() {
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Rhys Early", today));
    Filed early = mailbox.file(Email.from("Rhys Early", "rhys@example.org", "Re: " + open.reference(),
        "Please review this."), arrived());
    Task tooEarly = task(early.process(), IncomingCorrespondence.NEW_CORRESPONDENCE);
    assertThat(refused(() -> complete(tooEarly, Map.of("correspondenceKind", "INTERNAL_REVIEW_REQUEST"))))
        .as("no review of a case without its response").hasEntrySatisfying("correspondenceKind",
            problem -> assertThat(problem).contains("still open"));
    complete(tooEarly, Map.of("correspondenceKind", "FILED_ONLY"));
    assertThat(early.process()).isEnded().hasPassed("KeptOnTheCase");

    FoiCase answered = FoiCase.logged(engine, FoiCase.aRequest("Rita Review", today))
        .validAndHeld().located().assessed("FULL").approved();
    Instant arrived = arrived();
    Filed filed = mailbox.file(Email.from("Rita Review", "rita.review@example.org", "Re: " + answered.reference(),
        "I am not happy with your answer: you did not search the archive."), arrived);
    assertThat(processVariable(filed.process(), "caseWaitsFor")).isEqualTo("NOTHING");
    Task newCorrespondence = task(filed.process(), IncomingCorrespondence.NEW_CORRESPONDENCE);
    assertThat(engine.getTaskService().getVariable(newCorrespondence.getId(), "reviewGrounds"))
        .isEqualTo("I am not happy with your answer: you did not search the archive.");

    complete(newCorrespondence, Map.of("correspondenceKind", "INTERNAL_REVIEW_REQUEST"));
    assertThat(filed.process()).hasPassed("StartInternalReview").isEnded();
    ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(InternalReview.PROCESS_KEY).processInstanceBusinessKey(answered.reference()).singleResult();
    assertThat(review).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewReceivedOn"))
        .isEqualTo(LocalDate.ofInstant(arrived, LONDON).toString());
  }

  @Test
  void attachmentsOfAFiledMessageBecomeUndecidedDocumentsAndARefusedOneKeepsItsReason() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Adam Attach", today));
    byte[] pdf = SampleFiles.pdf(List.of(List.of("Depot map, north depot")));
    Filed filed = mailbox.file(Email.from("Adam Attach", "adam@example.org", "Re: " + foi.reference(), "Map attached.")
        .attaching("north depot.pdf", pdf)
        .attaching("setup.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}), arrived());

    List<CaseDocument> onTheCase = documents.of(foi.instance().getId());
    assertThat(onTheCase).hasSize(1);
    assertThat(onTheCase.get(0).fileName()).isEqualTo("north depot.pdf");
    assertThat(onTheCase.get(0).decision()).isEqualTo(DocumentDecision.UNDECIDED);
    assertThat(onTheCase.get(0).addedBy()).isEqualTo("email");
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT position, document_id, note FROM"
        + " foi_correspondence_attachment WHERE correspondence_id = ? ORDER BY position", filed.id());
    assertThat(rows.get(0).get("DOCUMENT_ID")).isEqualTo(onTheCase.get(0).id());
    assertThat(rows.get(1).get("DOCUMENT_ID")).isNull();
    assertThat((String) rows.get(1).get("NOTE")).startsWith("not added to the case:");
  }

  @Test
  void theHoldingPenIsListedShownAndDownloadedByOfficersOnly() throws Exception {
    byte[] pdf = SampleFiles.pdf(List.of(List.of("Scan of my letter")));
    Filed filed = mailbox.file(Email.from("Harriet Pen", "harriet@example.org", "Question", "See attached.")
        .attaching("letter.pdf", pdf), arrived());

    Answer list = doors().foiflow("olivia", "GET", "/api/correspondence?status=unsorted", null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode item : JSON.readTree(list.body()).path("items")) {
      if (item.path("id").asText().equals(filed.id())) {
        listed = item;
      }
    }
    assertThat(listed).as(list.body()).isNotNull();
    assertThat(listed.path("from").asText()).isEqualTo("Harriet Pen <harriet@example.org>");
    assertThat(listed.path("subject").asText()).isEqualTo("Question");
    assertThat(Instant.parse(listed.path("receivedAt").asText())).isNotNull();
    assertThat(listed.path("reason").asText()).isEqualTo("No case reference in the subject or headers");

    Answer one = doors().foiflow("olivia", "GET", "/api/correspondence/" + filed.id(), null);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    JsonNode message = JSON.readTree(one.body());
    assertThat(message.path("text").asText()).isEqualTo("See attached.");
    assertThat(message.path("attachments").get(0).path("fileName").asText()).isEqualTo("letter.pdf");

    java.net.http.HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
        org.foiflow.http.BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/correspondence/" + filed.id()
            + "/attachments/0", "GET", null, "olivia", "demo").build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
        .contains("letter.pdf");

    Answer approver = doors().foiflow("amira", "GET", "/api/correspondence?status=unsorted", null);
    assertThat(approver.status()).isEqualTo(403);
    assertThat(approver.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    Outsider.signedUp(engine.getIdentityService());
    Answer outsider = new StaffDoors(port, engine.getName()).foiflow(Outsider.USER, "GET", "/api/correspondence", null);
    assertThat(outsider.status()).isIn(401, 403);
    Answer unknown = doors().foiflow("olivia", "GET", "/api/correspondence/no-such-message", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    Answer badStatus = doors().foiflow("olivia", "GET", "/api/correspondence?status=lost", null);
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(JSON.readTree(badStatus.body()).path("errors").has("status")).as(badStatus.body()).isTrue();
  }

  @Test
  void theSortCorrespondenceFilterShowsOfficersTheHoldingPen() {
    Filed filed = mailbox.file(Email.from("Fay Filter", "fay@example.org", "Filtered", "Where is this?"), arrived());
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.SORT_CORRESPONDENCE)
        .singleResult();
    assertThat(filter).isNotNull();
    List<String> seen = new java.util.ArrayList<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> engine.getFilterService().<Task>list(filter.getId())
        .forEach(task -> seen.add(task.getProcessInstanceId())));
    assertThat(seen).contains(filed.process().getId());
  }
}
