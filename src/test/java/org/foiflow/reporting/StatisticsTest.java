package org.foiflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.complaints.IcoComplaint;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.Outsider;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.FoiCase;
import org.foiflow.review.InternalReview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quarterly statistics over a set of cases worked through the real engine in the first quarter of 2024
 * (no other test uses that year), with a case either side of the quarter that must not count. Every figure
 * is known from how each case was worked and asserted exactly, in the JSON and in the CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class StatisticsTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  private static final LocalDate TO = LocalDate.of(2024, 3, 31);
  private static final String QUARTER = "/api/statistics?from=" + FROM + "&to=" + TO;
  private static final String REVIEWER = "arthur";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  StatutoryClock statutoryClock;
  @Autowired
  UkWorkingDays workingDays;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private static boolean quarterWorked;

  @BeforeEach
  void theFirstQuarterOf2024() {
    Outsider.signedUp(identityService);
    if (!quarterWorked) {
      workTheQuarter();
      quarterWorked = true;
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  private FoiCase logged(String requester, LocalDate receivedOn) {
    on(receivedOn);
    return FoiCase.logged(engine, FoiCase.aRequest(requester, receivedOn));
  }

  private FoiCase logged(String requester, LocalDate receivedOn, String regime) {
    on(receivedOn);
    return FoiCase.logged(engine, FoiCase.aRequest(requester, receivedOn).putValue("regime", regime));
  }

  private LocalDate due(LocalDate receivedOn) {
    return statutoryClock.responseDue(receivedOn);
  }

  private void approvedOn(FoiCase foi, LocalDate day) {
    on(day);
    foi.approved();
    assertThat(foi.variable("respondedOn")).isEqualTo(day.toString());
  }

  private void extendedForThePublicInterest(FoiCase foi, int furtherWorkingDays) {
    LocalDate originalDue = LocalDate.parse((String) foi.variable("dueOn"));
    engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(foi.reference())
        .setVariable("extensionKind", "PUBLIC_INTEREST")
        .setVariable("extensionReason", "The balance needs advice from the Crime Prevention Unit.")
        .setVariable("extensionExemption", "s31")
        .setVariable("extendedDueOn", workingDays.addWorkingDays(originalDue, furtherWorkingDays).toString())
        .correlate();
  }

  /**
   * Thirteen requests received in the quarter, worked to known ends:
   * answered within 20 working days: A, B (full), C (part, s40-2), G (NCND, s23), I (s.12), J (s.14) = 6;
   * within a permitted extension: D (withheld, s31, public interest +10 working days), F (EIR full, reg 7) = 2;
   * late: E (withheld, s31, +25 working days and answered after that), H (not held), O (part, s40-2) = 3;
   * K lapsed (no clarification), L still open. Outside the quarter: M (December 2023), N (April 2024).
   * Reviews asked in the quarter: of C upheld, of D extended and overturned in part, of M (late) declined,
   * of I waiting. ICO complaints notified in the quarter: about E upheld with steps, about J not upheld,
   * about H waiting for our response.
   */
  private void workTheQuarter() {
    LocalDate jan8 = LocalDate.of(2024, 1, 8);
    // M: received and answered in December 2023, outside the quarter
    FoiCase m = logged("Mark Outside", LocalDate.of(2023, 11, 20)).validAndHeld().located().assessed("FULL");
    approvedOn(m, LocalDate.of(2023, 12, 1));

    FoiCase a = logged("Anna Full", jan8).validAndHeld().located().assessed("FULL");
    approvedOn(a, jan8.plusDays(7));
    FoiCase b = logged("Ben Full", LocalDate.of(2024, 1, 10)).validAndHeld().located().assessed("FULL");
    approvedOn(b, due(LocalDate.of(2024, 1, 10)));  // on the 20th working day itself: still within
    FoiCase c = logged("Cara Part", LocalDate.of(2024, 1, 15)).validAndHeld().located().assessed("PART", "s40-2");
    approvedOn(c, LocalDate.of(2024, 1, 26));

    LocalDate dReceived = LocalDate.of(2024, 1, 22);
    FoiCase d = logged("Dan Extended", dReceived).validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD");
    extendedForThePublicInterest(d, 10);
    d.publicInterestBalanced("WITHHOLD");
    approvedOn(d, workingDays.addWorkingDays(due(dReceived), 6));

    LocalDate eReceived = LocalDate.of(2024, 1, 10);
    FoiCase e = logged("Eve Beyond", eReceived).validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY");
    extendedForThePublicInterest(e, 25);
    e.publicInterestBalanced("WITHHOLD");
    approvedOn(e, workingDays.addWorkingDays(due(eReceived), 27));

    LocalDate fReceived = LocalDate.of(2024, 2, 1);
    FoiCase f = logged("Fay Environment", fReceived, "EIR").triagedAs(Map.of("regime", "EIR")).located();
    engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(f.reference())
        .setVariable("extensionKind", "EIR_COMPLEX")
        .setVariable("extensionReason", "Twelve years of monitoring data across four sites.")
        .correlate();
    f.assessed("FULL");
    approvedOn(f, workingDays.addWorkingDays(due(fReceived), 15));

    FoiCase g = logged("Gus Ncnd", LocalDate.of(2024, 2, 5)).validAndHeld().located().assessed("NCND", "s23");
    approvedOn(g, LocalDate.of(2024, 2, 12));
    FoiCase h = logged("Hal NotHeld", LocalDate.of(2024, 2, 6)).triagedAs(Map.of("informationHeld", false));
    approvedOn(h, due(LocalDate.of(2024, 2, 6)).plusDays(4));
    FoiCase i = logged("Ida Costly", LocalDate.of(2024, 2, 7)).triagedAs(Map.of("estimatedHours", 30));
    approvedOn(i, LocalDate.of(2024, 2, 14));
    FoiCase j = logged("Jon Vexatious", LocalDate.of(2024, 2, 8)).triagedAs(Map.of("vexatious", true,
        "vexatiousReason", "The fortieth request on the same closed matter this year."));
    approvedOn(j, LocalDate.of(2024, 2, 15));

    FoiCase k = logged("Kim Lapsed", LocalDate.of(2024, 2, 12)).triagedAs(Map.of("validRequest", false,
        "clarificationQuestion", "Which depot do you mean?"));
    on(LocalDate.of(2024, 3, 14));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(k.instance().getId()).activityId("ClarificationLapsed").singleResult().getId());
    assertThat(k.variable("outcome")).isEqualTo("LAPSED");

    logged("Lou Open", LocalDate.of(2024, 3, 28));
    FoiCase o = logged("Ola Late", LocalDate.of(2024, 3, 1)).validAndHeld().located().assessed("PART", "s40-2");
    approvedOn(o, due(LocalDate.of(2024, 3, 1)).plusDays(1));

    // N: received the day after the quarter
    FoiCase n = logged("Nat After", LocalDate.of(2024, 4, 2)).validAndHeld().located().assessed("FULL");
    approvedOn(n, LocalDate.of(2024, 4, 9));

    // internal reviews asked in the quarter
    ProcessInstance upheld = reviewAsked(c, LocalDate.of(2024, 2, 1));
    complete(upheld, "ConductReview", REVIEWER, Map.of("reviewDecision", InternalReview.UPHOLD,
        "reviewFindings", "The names are of junior staff; s.40(2) applies."));
    checkLetter(upheld, LocalDate.of(2024, 2, 5));
    assertThat(ended(upheld)).isTrue();

    LocalDate dAnswered = LocalDate.parse((String) d.variable("respondedOn"));
    ProcessInstance overturned = reviewAsked(d, dAnswered.plusDays(3));
    complete(overturned, "ConductReview", REVIEWER, Map.of("reviewDecision", InternalReview.EXTEND,
        "reviewExtensionReason", "The Crime Prevention Unit must be consulted again."));
    on(dAnswered.plusDays(30));
    complete(overturned, "ConductReview", REVIEWER, Map.of("reviewDecision", InternalReview.OVERTURN_IN_PART,
        "reviewFindings", "The published parts of the strategy are not exempt."));
    complete(overturned, "DiscloseAfterReview", FoiCase.SECOND_OFFICER, Map.of("revisedOutcome", "GRANTED_IN_PART",
        "releasedInformation", "Sections 1 to 3 of the strategy.", "stillWithheld", "Sections 4 to 6 (s.31)."));
    checkLetter(overturned, dAnswered.plusDays(31));
    assertThat(ended(overturned)).isTrue();

    ProcessInstance late = reviewAsked(m, LocalDate.of(2024, 3, 4));
    complete(late, "DecideLateRequest", FoiCase.OFFICER, Map.of("lateDecision", "DECLINE",
        "lateDecisionReason", "Three months late with no reason given."));
    assertThat(ended(late)).isTrue();

    ProcessInstance waiting = reviewAsked(i, LocalDate.of(2024, 3, 20));
    assertThat(ended(waiting)).isFalse();

    // ICO complaints notified in the quarter
    ProcessInstance stepsOrdered = complaintNotified(e, LocalDate.of(2024, 3, 19));
    on(LocalDate.of(2024, 3, 25));
    complete(stepsOrdered, "RespondToCommissioner", FoiCase.OFFICER, Map.of("submissionSentOn", "2024-03-25",
        "submissionSummary", "Our reasons for s.31."));
    on(LocalDate.of(2024, 3, 28));
    complete(stepsOrdered, "RecordDecisionNotice", FoiCase.OFFICER, Map.of("decisionOutcome", "UPHELD",
        "decisionNoticeOn", "2024-03-28", "stepsOrdered", true, "stepsDescription", "Disclose sections 1 to 3.",
        "stepsDueOn", "2024-05-09", "appeal", "NONE"));
    complete(stepsOrdered, "TakeOrderedSteps", FoiCase.OFFICER, Map.of("stepsCompletedOn", "2024-03-28",
        "stepsTaken", "Sections 1 to 3 sent to the requester."));
    assertThat(ended(stepsOrdered)).isTrue();

    ProcessInstance notUpheld = complaintNotified(j, LocalDate.of(2024, 3, 12));
    on(LocalDate.of(2024, 3, 19));
    complete(notUpheld, "RespondToCommissioner", FoiCase.OFFICER, Map.of("submissionSentOn", "2024-03-19",
        "submissionSummary", "The history of requests on this matter."));
    on(LocalDate.of(2024, 3, 26));
    complete(notUpheld, "RecordDecisionNotice", FoiCase.OFFICER, Map.of("decisionOutcome", "NOT_UPHELD",
        "decisionNoticeOn", "2024-03-26", "stepsOrdered", false, "appeal", "NONE"));
    assertThat(ended(notUpheld)).isTrue();

    complaintNotified(h, LocalDate.of(2024, 3, 25));
    ClockUtil.reset();
  }

  private ProcessInstance reviewAsked(FoiCase foi, LocalDate askedOn) {
    on(askedOn);
    return engine.getRuntimeService().startProcessInstanceByKey(InternalReview.PROCESS_KEY, Variables.createVariables()
        .putValue("caseReference", foi.reference()).putValue("reviewReceivedOn", askedOn.toString())
        .putValue("reviewGrounds", "I do not accept the reasons given."));
  }

  private ProcessInstance complaintNotified(FoiCase foi, LocalDate notifiedOn) {
    on(notifiedOn);
    return engine.getRuntimeService().startProcessInstanceByKey(IcoComplaint.PROCESS_KEY, Variables.createVariables()
        .putValue("caseReference", foi.reference()).putValue("icoReference", "IC-" + notifiedOn + "-X")
        .putValue("notifiedOn", notifiedOn.toString()).putValue("respondBy", notifiedOn.plusDays(20).toString())
        .putValue("complaintSummary", "The requester disputes the response."));
  }

  private void checkLetter(ProcessInstance review, LocalDate on) {
    on(on);
    Object text = engine.getRuntimeService().getVariable(review.getId(), "reviewLetterText");
    String letter = text instanceof SpinJsonNode node && node.isString() ? node.stringValue() : String.valueOf(text);
    complete(review, "CheckReviewLetter", REVIEWER, Map.of("reviewLetterText", letter));
  }

  private boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  private void complete(ProcessInstance instance, String activityId, String user, Map<String, Object> values) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).singleResult();
    assertThat(task).as("open task %s", activityId).isNotNull();
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identityService.setAuthentication(user, groups);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private HttpResponse<String> get(String path, String user, String password, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", BasicAuthCalls.authorization(user, password));
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode quarter() throws Exception {
    HttpResponse<String> response = get(QUARTER, "maya", "demo", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return json.readTree(response.body());
  }

  @Test
  void requestsReceivedAndTheirTimelinessInTheGovernmentsThreeCategories() throws Exception {
    JsonNode stats = quarter();
    assertThat(stats.get("from").asText()).isEqualTo("2024-01-01");
    assertThat(stats.get("to").asText()).isEqualTo("2024-03-31");
    JsonNode requests = stats.get("requests");
    assertThat(requests.get("received").asLong()).isEqualTo(13);
    assertThat(requests.get("answered").asLong()).isEqualTo(11);
    assertThat(requests.get("open").asLong()).isEqualTo(1);
    assertThat(requests.get("closedWithoutResponse").asLong()).isEqualTo(1);
    JsonNode timeliness = stats.get("timeliness");
    assertThat(timeliness.get("answered").asLong()).isEqualTo(11);
    assertThat(timeliness.get("withinTwentyWorkingDays").asLong()).isEqualTo(6);
    assertThat(timeliness.get("withinPermittedExtension").asLong()).isEqualTo(2);
    assertThat(timeliness.get("late").asLong()).isEqualTo(3);
    // 8 of 11 on time
    assertThat(timeliness.get("onTimePercentage").decimalValue()).isEqualByComparingTo("72.7");
  }

  @Test
  void outcomesAndTheExemptionsCited() throws Exception {
    JsonNode stats = quarter();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    stats.get("outcomes").fields().forEachRemaining(field -> outcomes.put(field.getKey(), field.getValue().asLong()));
    assertThat(outcomes).containsExactly(Map.entry("GRANTED_IN_FULL", 3L), Map.entry("GRANTED_IN_PART", 2L),
        Map.entry("WITHHELD_IN_FULL", 2L), Map.entry("NOT_HELD", 1L), Map.entry("NCND", 1L),
        Map.entry("REFUSED_S12", 1L), Map.entry("REFUSED_S14", 1L), Map.entry("LAPSED_OR_WITHDRAWN", 1L),
        Map.entry("REDIRECTED_SAR", 0L));
    List<String> cited = new ArrayList<>();
    stats.get("exemptions").forEach(row -> cited.add(row.get("code").asText() + " " + row.get("section").asText()
        + " " + row.get("cases").asLong()));
    assertThat(cited).containsExactly("s31 Section 31 2", "s40-2 Section 40(2) 2", "s23 Section 23 1");
  }

  @Test
  void extensionsByKindAndLength() throws Exception {
    JsonNode extensions = quarter().get("extensions");
    assertThat(extensions.get("count").asLong()).isEqualTo(3);
    assertThat(extensions.get("byKind").get("PUBLIC_INTEREST").asLong()).isEqualTo(2);
    assertThat(extensions.get("byKind").get("EIR_COMPLEX").asLong()).isEqualTo(1);
    // 10, 25 and 20 (EIR reg 7: 40 working days instead of 20) further working days
    assertThat(extensions.get("averageWorkingDays").decimalValue()).isEqualByComparingTo("18.3");
    assertThat(extensions.get("longestWorkingDays").asInt()).isEqualTo(25);
    assertThat(extensions.get("publicInterestBeyondGuidance").asLong()).isEqualTo(1);
    List<String> lengths = new ArrayList<>();
    extensions.get("lengths").forEach(row -> lengths.add(row.get("workingDays").asInt() + ":" + row.get("count").asLong()));
    assertThat(lengths).containsExactly("10:1", "20:1", "25:1");
  }

  @Test
  void internalReviewsAndIcoComplaintsOfTheQuarter() throws Exception {
    JsonNode stats = quarter();
    JsonNode reviews = stats.get("internalReviews");
    assertThat(reviews.get("received").asLong()).isEqualTo(4);
    assertThat(reviews.get("lateRequests").asLong()).isEqualTo(1);
    assertThat(reviews.get("declinedAsLate").asLong()).isEqualTo(1);
    assertThat(reviews.get("extended").asLong()).isEqualTo(1);
    assertThat(reviews.get("pending").asLong()).isEqualTo(1);
    assertThat(reviews.get("completedInTime").asLong()).isEqualTo(2);
    assertThat(reviews.get("outcomes").get("UPHELD").asLong()).isEqualTo(1);
    assertThat(reviews.get("outcomes").get("OVERTURNED_IN_PART").asLong()).isEqualTo(1);
    assertThat(reviews.get("outcomes").get("OVERTURNED_IN_FULL").asLong()).isZero();
    assertThat(reviews.get("outcomes").get("DECLINED_LATE").asLong()).isEqualTo(1);

    JsonNode complaints = stats.get("icoComplaints");
    assertThat(complaints.get("received").asLong()).isEqualTo(3);
    assertThat(complaints.get("pending").asLong()).isEqualTo(1);
    assertThat(complaints.get("stepsOrdered").asLong()).isEqualTo(1);
    assertThat(complaints.get("appealed").asLong()).isZero();
    assertThat(complaints.get("decisions").get("UPHELD").asLong()).isEqualTo(1);
    assertThat(complaints.get("decisions").get("PARTLY_UPHELD").asLong()).isZero();
    assertThat(complaints.get("decisions").get("NOT_UPHELD").asLong()).isEqualTo(1);
  }

  @Test
  void theCsvCarriesTheSameFigures() throws Exception {
    HttpResponse<String> byParameter = get(QUARTER + "&format=csv", "maya", "demo", null);
    HttpResponse<String> byAccept = get(QUARTER, "maya", "demo", "text/csv");
    assertThat(byParameter.statusCode()).isEqualTo(200);
    assertThat(byParameter.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    ContentDisposition disposition = ContentDisposition.parse(byParameter.headers().firstValue("Content-Disposition").orElseThrow());
    assertThat(disposition.isAttachment()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo("foi-statistics-2024-01-01-to-2024-03-31.csv");
    assertThat(byAccept.body()).isEqualTo(byParameter.body());
    // every cell quoted (CsvSheet): compared here without the quotes
    List<String> lines = List.of(byParameter.body().replace("\"", "").split("\r\n"));
    assertThat(byParameter.body()).startsWith("\"section\",\"measure\",\"value\"\r\n\"period\",\"from\",\"2024-01-01\"\r\n");
    assertThat(lines.get(0)).isEqualTo("section,measure,value");
    assertThat(lines).contains("period,from,2024-01-01", "period,to,2024-03-31", "requests,received,13",
        "requests,answered,11", "timeliness,withinTwentyWorkingDays,6", "timeliness,withinPermittedExtension,2",
        "timeliness,late,3", "timeliness,onTimePercentage,72.7", "outcomes,GRANTED_IN_FULL,3",
        "outcomes,LAPSED_OR_WITHDRAWN,1", "exemptions,s31,2", "exemptions,s40-2,2", "exemptions,s23,1",
        "extensions,count,3", "extensions,PUBLIC_INTEREST,2", "extensions,averageWorkingDays,18.3",
        "extensions,publicInterestBeyondGuidance,1", "internalReviews,received,4", "internalReviews,UPHELD,1",
        "internalReviews,DECLINED_LATE,1", "icoComplaints,received,3", "icoComplaints,NOT_UPHELD,1");
  }

  @Test
  void theDaysEitherSideOfTheQuarterAreCountedInTheirOwnPeriod() throws Exception {
    JsonNode december = json.readTree(get("/api/statistics?from=2023-12-01&to=2023-12-31", "maya", "demo", null).body());
    assertThat(december.get("requests").get("received").asLong()).isZero();
    JsonNode november = json.readTree(get("/api/statistics?from=2023-11-20&to=2023-11-20", "maya", "demo", null).body());
    assertThat(november.get("requests").get("received").asLong()).isEqualTo(1);
    assertThat(november.get("timeliness").get("onTimePercentage").decimalValue()).isEqualByComparingTo("100.0");
    JsonNode april = json.readTree(get("/api/statistics?from=2024-04-01&to=2024-04-30", "maya", "demo", null).body());
    assertThat(april.get("requests").get("received").asLong()).isEqualTo(1);
    assertThat(april.get("internalReviews").get("received").asLong()).isZero();
    JsonNode nothing = json.readTree(get("/api/statistics?from=2022-01-01&to=2022-03-31", "maya", "demo", null).body());
    assertThat(nothing.get("timeliness").get("onTimePercentage").isNull()).isTrue();
  }

  @Test
  void onlyTheFoiTeamSeesTheStatisticsAndBadDatesAreNamed() throws Exception {
    assertThat(get(QUARTER, null, null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> outsider = get(QUARTER, "outsider", "outsider-password", null);
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(outsider.body()).doesNotContain("received");
    // (a wrong password for a real user would lock that user out for a few seconds: Camunda's login delay)
    assertThat(get(QUARTER, "nobody", "demo", null).statusCode()).isEqualTo(401);

    HttpResponse<String> reversed = get("/api/statistics?from=2024-03-31&to=2024-01-01", "maya", "demo", null);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(reversed.body()).get("errors").has("from")).isTrue();
    HttpResponse<String> notADate = get("/api/statistics?from=2024-13-01&to=2024-03-31", "maya", "demo", null);
    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notADate.body()).get("errors").has("from")).isTrue();
    HttpResponse<String> badFormat = get(QUARTER + "&format=xlsx", "maya", "demo", null);
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badFormat.body()).get("errors").has("format")).isTrue();

    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> notSignedIn = browser.get("/statistics.html");
    assertThat(notSignedIn.statusCode()).isEqualTo(302);
    assertThat(notSignedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    browser.signIn("maya", "demo");
    HttpResponse<String> page = browser.get("/statistics.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/api/statistics", "format=csv", "type=\"date\"");
  }

  /** A UK installation makes no return to the Scottish Information Commissioner: 404, naming where its figures are. */
  @Test
  void theScottishCommissionersReturnIsNotServedInTheUk() throws Exception {
    HttpResponse<String> response = get("/api/statistics/commissioner-return?year=2023&quarter=4", "maya", "demo", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).path("detail").asText()).contains("Scottish public authorities",
        "/api/statistics");
  }
}
