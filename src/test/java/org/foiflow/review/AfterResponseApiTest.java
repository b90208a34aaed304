package org.foiflow.review;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.complaints.IcoComplaint;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.monitoring.TasklistFilters;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A review and an ICO complaint started from a closed case over HTTP: the foiflow API, and the engine's start
 * form submission that Tasklist makes. Bad input names the field and starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AfterResponseApiTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 1);
  private static final LocalDate RESPONDED = LocalDate.of(2026, 9, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 9, 21);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  private String closedCase(String requester) {
    on(RESPONDED);
    String reference = ReviewCase.closedCase(engine, requester, RECEIVED, "FOIA").reference();
    on(TODAY);
    return reference;
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, "olivia", "demo")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private long running(String processKey, String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(reference).count();
  }

  @Test
  void aReviewAskedThroughTheApiWithTheDateReceived() throws Exception {
    String reference = closedCase("Api Reviewer");
    HttpResponse<String> noGrounds = call("POST", "/api/requests/" + reference + "/review", "{\"receivedOn\":\"2026-09-18\"}");
    assertThat(noGrounds.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noGrounds.body()).get("errors").has("grounds")).isTrue();
    HttpResponse<String> badDate = call("POST", "/api/requests/" + reference + "/review",
        "{\"receivedOn\":\"18/09/2026\",\"grounds\":\"Wrong.\"}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badDate.body()).get("errors").has("receivedOn")).isTrue();
    HttpResponse<String> beforeTheResponse = call("POST", "/api/requests/" + reference + "/review",
        "{\"receivedOn\":\"2026-09-09\",\"grounds\":\"Wrong.\"}");
    assertThat(beforeTheResponse.statusCode()).isEqualTo(400);
    assertThat(json.readTree(beforeTheResponse.body()).get("errors").has("reviewReceivedOn")).isTrue();
    assertThat(running(InternalReview.PROCESS_KEY, reference)).isZero();

    HttpResponse<String> asked = call("POST", "/api/requests/" + reference + "/review",
        "{\"receivedOn\":\"2026-09-18\",\"grounds\":\"The names of senior officers are not private.\"}");
    assertThat(asked.statusCode()).isEqualTo(201);
    assertThat(asked.headers().firstValue("Location")).hasValue("/api/requests/" + reference + "/review");
    JsonNode review = json.readTree(asked.body());
    assertThat(review.get("receivedOn").asText()).isEqualTo("2026-09-18");
    assertThat(review.get("lateRequest").asBoolean()).isFalse();
    assertThat(review.get("dueOn").asText()).isEqualTo(statutoryClock.internalReviewDue(LocalDate.of(2026, 9, 18), false).toString());
    assertThat(review.get("stage").get(0).asText()).isEqualTo("ConductReview");
    assertThat(json.readTree(call("GET", "/api/requests/" + reference + "/review", null).body()).get("reviewProcessInstanceId")
        .asText()).isEqualTo(review.get("reviewProcessInstanceId").asText());

    // one review at a time; an open case has no response to review
    assertThat(call("POST", "/api/requests/" + reference + "/review", "{\"grounds\":\"Again.\"}").statusCode()).isEqualTo(409);
    on(TODAY);
    String open = FoiCase.logged(engine, FoiCase.aRequest("Open Case", TODAY)).reference();
    assertThat(call("POST", "/api/requests/" + open + "/review", "{\"grounds\":\"Too early.\"}").statusCode()).isEqualTo(409);
    assertThat(call("POST", "/api/requests/FOI-1999-00001/review", "{\"grounds\":\"Unknown.\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void theReviewsLettersAreServedAsHtmlAndAsAPdfRenderedFromIt() throws Exception {
    String reference = closedCase("Letter Reader");
    ReviewCase.asked(engine, reference, TODAY).decided(InternalReview.UPHOLD, "The exemption was rightly applied.")
        .letterChecked();
    JsonNode letters = json.readTree(call("GET", "/api/requests/" + reference + "/review/letters", null).body());
    assertThat(letters).isNotEmpty();
    JsonNode outcome = letters.get(letters.size() - 1);
    String pdfPath = outcome.get("pdf").asText();
    assertThat(pdfPath).isEqualTo("/api/requests/" + reference + "/review/letters/" + outcome.get("id").asText() + ".pdf");

    HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pdfPath))
        .header("Authorization", BasicAuthCalls.authorization("olivia", "demo")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains(reference, "rightly applied");
    }
    HttpResponse<String> html = call("GET", outcome.get("html").asText(), null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains(reference);
    assertThat(call("GET", "/api/requests/" + reference + "/review/letters/letter99.pdf", null).statusCode()).isEqualTo(404);
  }

  /** Reviews and complaints are opened by foiflow's endpoints, which apply their rules; not by the engine's API. */
  @Test
  void aReviewAndAComplaintAreNotStartedThroughTheEngineApi() throws Exception {
    String reference = closedCase("Form Reviewer");
    HttpResponse<String> review = call("POST", "/engine-rest/engine/" + engine.getName() + "/process-definition/key/internal-review/submit-form",
        "{\"variables\":{\"caseReference\":{\"value\":\"" + reference + "\"},"
            + "\"reviewReceivedOn\":{\"value\":\"2026-09-21\"},"
            + "\"reviewGrounds\":{\"value\":\"I was not told which exemption applied to which document.\"}}}");
    assertThat(review.statusCode()).as(review.body()).isEqualTo(403);
    HttpResponse<String> complaint = call("POST", "/engine-rest/engine/" + engine.getName() + "/process-definition/key/ico-complaint/submit-form",
        "{\"variables\":{\"caseReference\":{\"value\":\"" + reference + "\"},\"icoReference\":{\"value\":\"IC-98765-Z9Y8\"},"
            + "\"notifiedOn\":{\"value\":\"2026-09-21\"},\"respondBy\":{\"value\":\"2026-10-19\"},"
            + "\"complaintSummary\":{\"value\":\"The requester says s.40(2) was wrongly applied.\"}}}");
    assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(403);
    assertThat(running(InternalReview.PROCESS_KEY, reference)).isZero();
    assertThat(running(IcoComplaint.PROCESS_KEY, reference)).isZero();
  }

  @Test
  void theWorkAfterTheResponseIsTrackedInItsOwnTasklistFilter() throws Exception {
    String reference = closedCase("Filter Watcher");
    assertThat(call("POST", "/api/requests/" + reference + "/review", "{\"grounds\":\"Please look again.\"}").statusCode())
        .isEqualTo(201);
    assertThat(call("POST", "/api/requests/" + reference + "/ico-complaints",
        "{\"icoReference\":\"IC-77777-F1\",\"respondBy\":\"2026-10-19\"}").statusCode()).isEqualTo(201);
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.AFTER_THE_RESPONSE).singleResult();
    assertThat(filter).isNotNull();
    // the officers answer the Commissioner; the approvers see the review, which only one who took no part may take
    assertThat(tasksInFilter(filter, "olivia", reference)).containsExactly("RespondToCommissioner");
    assertThat(tasksInFilter(filter, "arthur", reference)).containsExactly("ConductReview");
    assertThat(tasksInFilter(filter, "amira", reference)).containsExactly("ConductReview");
    // the case work's own filter does not list it
    Filter caseWork = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_GROUP).singleResult();
    assertThat(tasksInFilter(caseWork, "olivia", reference)).isEmpty();
  }

  private List<String> tasksInFilter(Filter filter, String user, String reference) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getFilterService().<Task>list(filter.getId()).stream()
          .filter(task -> reference.equals(engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()))
          .map(Task::getTaskDefinitionKey).sorted().toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aComplaintRecordedThroughTheApiWithTheCommissionersDeadline() throws Exception {
    String reference = closedCase("Api Complainant");
    HttpResponse<String> noDeadline = call("POST", "/api/requests/" + reference + "/ico-complaints",
        "{\"icoReference\":\"IC-55555-A1\",\"notifiedOn\":\"2026-09-21\"}");
    assertThat(noDeadline.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noDeadline.body()).get("errors").has("respondBy")).isTrue();
    assertThat(running(IcoComplaint.PROCESS_KEY, reference)).isZero();

    HttpResponse<String> recorded = call("POST", "/api/requests/" + reference + "/ico-complaints",
        "{\"icoReference\":\"IC-55555-A1\",\"notifiedOn\":\"2026-09-21\",\"respondBy\":\"2026-10-19\","
            + "\"summary\":\"The requester says the search was inadequate.\"}");
    assertThat(recorded.statusCode()).isEqualTo(201);
    assertThat(json.readTree(recorded.body()).get("respondBy").asText()).isEqualTo("2026-10-19");
    // a UK case's complaint goes to the Information Commissioner, an appeal to the First-tier Tribunal; no late flag
    assertThat(json.readTree(recorded.body()).get("commissioner").asText()).isEqualTo("Information Commissioner");
    assertThat(json.readTree(recorded.body()).get("appealBody").asText()).isEqualTo("First-tier Tribunal (Information Rights)");
    assertThat(json.readTree(recorded.body()).has("lateApplication")).isFalse();
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(IcoComplaint.PROCESS_KEY)
        .processInstanceBusinessKey(reference).taskDefinitionKey("RespondToCommissioner").singleResult().getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2026, 10, 19).atTime(23, 59, 59).atZone(LONDON).toInstant()));
  }
}
