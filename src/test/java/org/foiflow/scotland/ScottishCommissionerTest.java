package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.foiflow.review.InternalReview;
import org.foiflow.review.ReviewCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application to the Scottish Information Commissioner (FOISA s.47) after a statutory review, tracked by the
 * complaint process: our comments, the decision notice (s.49), an appeal to the Court of Session (s.56) and the
 * steps that stand; one made more than six months after the review response is recorded and flagged late.
 */
@ScottishAuthority
class ScottishCommissionerTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 6, 1);
  private static final LocalDate RESPONDED = LocalDate.of(2026, 6, 10);
  private static final LocalDate REVIEW_ASKED = LocalDate.of(2026, 6, 17);
  private static final LocalDate REVIEW_ANSWERED = LocalDate.of(2026, 7, 1);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /** A FOISA case answered "not held" and a review that confirmed it on REVIEW_ANSWERED. */
  private String reviewed(String requester) {
    FoiCase foi = ScottishCases.answeredNotHeld(engine, requester, "FOISA", RECEIVED, RESPONDED);
    ScottishCases.today(REVIEW_ASKED);
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), REVIEW_ASKED);
    ScottishCases.today(REVIEW_ANSWERED);
    review.decided(InternalReview.UPHOLD, "The planning files hold no note of the meeting.").letterChecked();
    return foi.reference();
  }

  private HttpResponse<String> applicationNotified(String reference, LocalDate notifiedOn, String sicReference)
      throws Exception {
    ScottishCases.today(notifiedOn);
    String body = "{\"icoReference\":\"" + sicReference + "\",\"notifiedOn\":\"" + notifiedOn + "\","
        + "\"respondBy\":\"" + notifiedOn.plusWeeks(3) + "\",\"summary\":\"The applicant says a note was kept.\"}";
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/api/requests/" + reference
        + "/ico-complaints", "POST", body, FoiCase.OFFICER, "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void appealToTheScottishInformationCommissionerThenCourtOfSession() throws Exception {
    String reference = reviewed("Calum Court");
    LocalDate notifiedOn = LocalDate.of(2026, 9, 14);

    HttpResponse<String> logged = applicationNotified(reference, notifiedOn, "202600123");
    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    JsonNode application = json.readTree(logged.body());
    assertThat(application.path("commissioner").asText()).isEqualTo("Scottish Information Commissioner");
    assertThat(application.path("appealBody").asText()).isEqualTo("Court of Session");
    assertThat(application.path("reviewRespondedOn").asText()).isEqualTo(REVIEW_ANSWERED.toString());
    assertThat(application.path("lateApplication").asBoolean()).isFalse();
    String id = application.path("complaintProcessInstanceId").asText();
    ProcessInstance complaint = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(complaint).hasPassed("RecordComplaint").isWaitingAt("RespondToCommissioner");

    ScottishCases.completeComplaintTask(engine, id, "RespondToCommissioner", Map.of("submissionSentOn", "2026-10-01",
        "submissionSummary", "Our comments (s.49(3)): the searches made and why no note exists."));
    assertThat(ScottishCases.complaintTask(engine, id, "RecordDecisionNotice").getName())
        .startsWith("Record the Commissioner's decision");
    ScottishCases.completeComplaintTask(engine, id, "RecordDecisionNotice", Map.of("decisionOutcome", "PARTLY_UPHELD",
        "decisionNoticeReference", "Decision 123/2026", "decisionNoticeOn", "2026-12-01", "stepsOrdered", true,
        "stepsDescription", "Search the councillors' email for a note of the meeting and respond afresh.",
        "stepsDueOn", "2027-01-15", "appeal", "BY_AUTHORITY"));
    assertThat(complaint).isWaitingAt("RecordTribunalDecision");
    assertThat(ScottishCases.complaintTask(engine, id, "RecordTribunalDecision").getName())
        .startsWith("Record the appeal's outcome (First-tier Tribunal or Court of Session)");

    // the Court of Session refuses the appeal: the Commissioner's steps stand, with a new date
    ScottishCases.completeComplaintTask(engine, id, "RecordTribunalDecision", Map.of("tribunalOutcome", "DISMISSED",
        "tribunalDecisionOn", "2027-03-02", "stepsOrdered", true,
        "stepsDescription", "Search the councillors' email and respond afresh.", "stepsDueOn", "2027-04-13"));
    assertThat(complaint).isWaitingAt("TakeOrderedSteps");
    ScottishCases.completeComplaintTask(engine, id, "TakeOrderedSteps", Map.of("stepsCompletedOn", "2027-04-06",
        "stepsTaken", "Searched and sent a fresh response."));
    assertThat(complaint).hasPassed("RecordDecisionNotice", "RecordTribunalDecision", "StepsTaken").isEnded();

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM foi_ico_complaint WHERE complaint_id = ?", id);
    assertThat(row.get("ICO_REFERENCE")).isEqualTo("202600123");
    assertThat(row.get("DECISION_OUTCOME")).isEqualTo("PARTLY_UPHELD");
    assertThat(row.get("APPEAL")).isEqualTo("BY_AUTHORITY");
    assertThat(row.get("APPEAL_OUTCOME")).isEqualTo("DISMISSED");
    assertThat(row.get("STEPS_COMPLETED_ON").toString()).isEqualTo("2027-04-06");
  }

  @Test
  void anApplicationMoreThanSixMonthsAfterTheReviewIsRecordedAndFlaggedLate() throws Exception {
    String reference = reviewed("Lorna Later");
    // the review answered on 1 July 2026: the six months ran to 1 January 2027
    HttpResponse<String> logged = applicationNotified(reference, LocalDate.of(2027, 1, 4), "202700004");

    assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    JsonNode application = json.readTree(logged.body());
    assertThat(application.path("lateApplication").asBoolean()).isTrue();
    assertThat(application.path("commissioner").asText()).isEqualTo("Scottish Information Commissioner");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(application.path("complaintProcessInstanceId").asText()).singleResult()).isWaitingAt("RespondToCommissioner");
  }
}
