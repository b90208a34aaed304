package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.clock.UkWorkingDays;
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
 * The statutory review of FOISA ss.20-21 and EISR reg 16 on a Scottish authority's installation: asked for within
 * 40 working days of the response, answered within 20 with no extension on any route, a late requirement accepted at
 * the authority's discretion; the outcome in the words of s.21(4) and the six months to apply to the Commissioner.
 */
@ScottishAuthority
class ScottishStatutoryReviewTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 1);
  private static final LocalDate RESPONDED = LocalDate.of(2026, 9, 10);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;
  @Autowired
  UkWorkingDays workingDays;
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

  private HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + path, method, body, user, "demo").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode reviewStatus(String reference) throws Exception {
    HttpResponse<String> status = call("GET", "/api/requests/" + reference + "/review", null, FoiCase.OFFICER);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return json.readTree(status.body());
  }

  @Test
  void statutoryReviewRequestedWithinFortyWorkingDaysAndAnsweredWithinTwenty() throws Exception {
    FoiCase foi = ScottishCases.answeredNotHeld(engine, "Iona Inglis", "FOISA", RECEIVED, RESPONDED);
    LocalDate asked = workingDays.addWorkingDays(RESPONDED, 10);
    ScottishCases.today(asked);
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), asked);

    assertThat(review.instance()).hasPassed("OpenReviewFile").hasNotPassed("DecideLateRequest").isWaitingAt("ConductReview");
    String due = statutoryClock.internalReviewDue(asked, false).toString();
    assertThat(review.variable("lateRequest")).isEqualTo(false);
    assertThat(review.variable("reconsideration")).isEqualTo(false);
    assertThat(review.variable("reviewDueOn")).isEqualTo(due);
    // s.21(1): the 20 working days are the limit, there is no longer one to extend to
    assertThat(review.variable("reviewLimitOn")).isEqualTo(due);

    // no extension over the engine's REST API ...
    String task = review.task("ConductReview").getId();
    HttpResponse<String> refused = call("POST", "/engine-rest/engine/" + engine.getName() + "/task/" + task + "/complete",
        "{\"variables\":{\"reviewDecision\":{\"value\":\"EXTEND\"},"
            + "\"reviewExtensionReason\":{\"value\":\"Forty boxes of files to read.\"}}}", ReviewCase.REVIEWER);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(refused.body()).path("errors").path("reviewDecision").asText())
        .contains("FOISA", "20 working days", "section 21(1)", "cannot be extended");
    assertThat(refused.body()).doesNotContain("ENGINE-", "Exception");
    // ... nor through the Java API (as Tasklist completes it)
    assertThatThrownBy(() -> review.extended("Forty boxes of files to read."))
        .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("cannot be extended");
    assertThat(review.task("ConductReview").getId()).isEqualTo(task);
    assertThat(review.variable("reviewExtended")).isEqualTo(false);
    JsonNode underWay = reviewStatus(foi.reference());
    assertThat(underWay.path("limitOn").asText()).isEqualTo(due);
    assertThat(underWay.path("extended").asBoolean()).isFalse();

    LocalDate answered = workingDays.addWorkingDays(asked, 15);
    ScottishCases.today(answered);
    review.decided(InternalReview.UPHOLD, "A search of the roads department's files found nothing more.");
    review.letterChecked();
    assertThat(review.instance()).hasPassed("SendReviewOutcome", "ReviewUpheld").hasNotPassed("ExtendReview").isEnded();

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM foi_review WHERE review_id = ?", review.instance().getId());
    assertThat(row.get("REGIME")).isEqualTo("FOISA");
    assertThat(row.get("EXTENDED")).isEqualTo(false);
    assertThat(row.get("COMPLETED_ON").toString()).isEqualTo(answered.toString());
    assertThat(((java.sql.Date) row.get("COMPLETED_ON")).toLocalDate()).isBeforeOrEqualTo(LocalDate.parse(due));
    JsonNode done = reviewStatus(foi.reference());
    assertThat(done.path("outcome").asText()).isEqualTo("UPHELD");
    assertThat(done.path("statutoryOutcome").asText()).isEqualTo("Decision confirmed without modification (section 21(4)(a))");
    assertThat(done.path("applyToCommissionerBy").asText()).isEqualTo(answered.plusMonths(6).toString());
  }

  @Test
  void lateReviewRequestAfterFortyWorkingDays() throws Exception {
    FoiCase foi = ScottishCases.answeredNotHeld(engine, "Lachlan Late", "EISR", RECEIVED, RESPONDED);
    LocalDate asked = workingDays.addWorkingDays(RESPONDED, 45);
    ScottishCases.today(asked);
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), asked);

    assertThat(review.instance()).isWaitingAt("DecideLateRequest");
    assertThat(review.variable("lateRequest")).isEqualTo(true);
    assertThat(review.variable("workingDaysSinceResponse")).isEqualTo(45);
    // EISR reg 16: the environmental regime's review is the requester's right, like the EIR's reconsideration
    assertThat(review.variable("reconsideration")).isEqualTo(true);
    assertThat(review.variable("reviewLimitOn")).isEqualTo(review.variable("reviewDueOn"));

    // s.20(5) lets the authority accept a late requirement: it does, the requester was in hospital
    review.complete("DecideLateRequest", FoiCase.OFFICER, Map.of("lateDecision", "ACCEPT",
        "lateDecisionReason", "The requester was in hospital for most of the period."));
    assertThat(review.instance()).isWaitingAt("ConductReview");
    // an EISR review cannot be extended either (reg 16(4))
    assertThatThrownBy(() -> review.extended("Several teams to ask."))
        .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("regulation 16(4)");

    review.decided(InternalReview.OVERTURN_IN_FULL, "The air quality readings were held by the environmental health team.");
    review.complete("DiscloseAfterReview", FoiCase.SECOND_OFFICER, Map.of("revisedOutcome", "GRANTED_IN_FULL",
        "releasedInformation", "The readings at the Leith Walk monitor for 2025."));
    review.letterChecked();
    assertThat(review.instance()).hasPassed("DecideLateRequest", "ReviewOverturned").isEnded();

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM foi_review WHERE review_id = ?", review.instance().getId());
    assertThat(row.get("LATE_REQUEST")).isEqualTo(true);
    assertThat(row.get("ACCEPTED")).isEqualTo(true);
    assertThat(row.get("OUTCOME")).isEqualTo("OVERTURNED_IN_FULL");
    assertThat(reviewStatus(foi.reference()).path("statutoryOutcome").asText())
        .isEqualTo("Different decision substituted (section 21(4)(b))");
  }
}
