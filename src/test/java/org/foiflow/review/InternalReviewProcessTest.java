package org.foiflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** One scenario per path through bpmn/internal-review.bpmn, and the reviewer's independence. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class InternalReviewProcessTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 1);
  private static final LocalDate RESPONDED = LocalDate.of(2026, 9, 10);
  private static final LocalDate REVIEW_ASKED = LocalDate.of(2026, 9, 21);

  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  /** A case withheld in full, answered on RESPONDED, and a review asked for on REVIEW_ASKED. */
  private ReviewCase reviewOfAClosedCase(String requester, String regime) {
    today(RESPONDED);
    FoiCase foi = ReviewCase.closedCase(engine, requester, RECEIVED, regime);
    today(REVIEW_ASKED);
    return ReviewCase.asked(engine, foi.reference(), REVIEW_ASKED);
  }

  private Map<String, Object> reviewRow(ReviewCase review) {
    return jdbc.queryForMap("SELECT * FROM foi_review WHERE review_id = ?", review.instance().getId());
  }

  @Test
  void upheldWithinTwentyWorkingDaysByAReviewerWhoTookNoPart() {
    ReviewCase review = reviewOfAClosedCase("Una Upheld", "FOIA");
    assertThat(review.instance()).hasPassed("OpenReviewFile").hasNotPassed("DecideLateRequest").isWaitingAt("ConductReview");
    assertThat(review.variable("reviewDueOn")).isEqualTo(statutoryClock.internalReviewDue(REVIEW_ASKED, false).toString());
    assertThat(review.variable("originalParticipants")).isEqualTo(List.of(FoiCase.OFFICER, FoiCase.APPROVER));
    assertThat(review.variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
    assertThat(review.task("ConductReview").getName()).endsWith(" – " + review.variable("reference"));
    assertThat(review.task("ConductReview").getDueDate()).isNotNull();

    review.decided(InternalReview.UPHOLD, "The names are of junior staff with no public-facing role; s.40(2) applies.");
    assertThat(review.instance()).hasPassed("DraftReviewLetter").isWaitingAt("CheckReviewLetter");
    String letter = review.text("reviewLetterText");
    assertThat(letter).contains("Dear Una Upheld", "Outcome of your internal review", "We have upheld our original decision",
        "junior staff with no public-facing role", "section 45", "Complaining to the Information Commissioner",
        "section 50").doesNotContain("regulation 11");

    review.letterChecked();
    assertThat(review.instance()).hasPassed("SendReviewOutcome", "ReviewUpheld").isEnded();
    assertThat(review.variable("reviewer")).isEqualTo(ReviewCase.REVIEWER);
    assertThat(review.letterTypes()).containsExactly("INTERNAL_REVIEW_OUTCOME");
    Map<String, Object> row = reviewRow(review);
    assertThat(row.get("OUTCOME")).isEqualTo("UPHELD");
    assertThat(row.get("LATE_REQUEST")).isEqualTo(false);
    assertThat(row.get("ACCEPTED")).isEqualTo(true);
    assertThat(row.get("COMPLETED_ON").toString()).isEqualTo(REVIEW_ASKED.toString());
  }

  @Test
  void overturnedInPartAfterAnExtensionReopensDisclosureOnTheOriginalData() {
    ReviewCase review = reviewOfAClosedCase("Olga Overturned", "FOIA");
    review.extended("The names must be checked with each of the 40 officers concerned.");
    assertThat(review.instance()).hasPassed("ExtendReview").isWaitingAt("ConductReview");
    assertThat(review.variable("reviewDueOn")).isEqualTo(statutoryClock.internalReviewDue(REVIEW_ASKED, true).toString());
    assertThat(review.variable("reviewExtended")).isEqualTo(true);
    assertThat(review.letterTypes()).containsExactly("INTERNAL_REVIEW_EXTENSION");
    assertThat(reviewRow(review).get("EXTENDED")).isEqualTo(true);

    // a second extension is refused: 40 working days is the limit
    assertThatThrownBy(() -> review.extended("Still more checks."))
        .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("already been extended");

    review.decided(InternalReview.OVERTURN_IN_PART, "Senior officers' names should have been released.");
    assertThat(review.instance()).isWaitingAt("DiscloseAfterReview");
    // the disclosure work sees the original case's data
    assertThat(review.variable("informationSummary")).isEqualTo("The force CCTV and identification procedures policy, 14 pages.");
    review.complete("DiscloseAfterReview", FoiCase.SECOND_OFFICER, Map.of("revisedOutcome", "GRANTED_IN_PART",
        "releasedInformation", "The names and job titles of the 6 senior officers.",
        "stillWithheld", "The names of 34 junior officers (s.40(2))."));
    String letter = review.text("reviewLetterText");
    assertThat(letter).contains("We have partly overturned our original decision", "The information we are now releasing",
        "The names and job titles of the 6 senior officers.", "What we continue to withhold");

    // the reviewer edits the letter: the edited text is what goes out
    review.complete("CheckReviewLetter", ReviewCase.REVIEWER, Map.of("reviewLetterText",
        letter.replace("The names and job titles", "Attached: the names and job titles")));
    assertThat(review.instance()).hasPassed("SendReviewOutcome", "ReviewOverturned").isEnded();
    assertThat(review.letterTypes()).containsExactly("INTERNAL_REVIEW_EXTENSION", "INTERNAL_REVIEW_OUTCOME",
        "INTERNAL_REVIEW_OUTCOME");
    Map<String, Object> row = reviewRow(review);
    assertThat(row.get("OUTCOME")).isEqualTo("OVERTURNED_IN_PART");
    assertThat(row.get("REVISED_OUTCOME")).isEqualTo("GRANTED_IN_PART");
    // what the review released is offered for the disclosure log
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("disclosure-log-entry")
        .processInstanceBusinessKey((String) review.variable("reference")).count()).isEqualTo(1);
  }

  @Test
  void overturnedInFullReleasesEverything() {
    ReviewCase review = reviewOfAClosedCase("Fay Full", "FOIA");
    review.decided(InternalReview.OVERTURN_IN_FULL, "No exemption applies to a published policy.");
    assertThatThrownBy(() -> review.complete("DiscloseAfterReview", FoiCase.OFFICER, Map.of(
        "revisedOutcome", "GRANTED_IN_PART", "releasedInformation", "Part of it.", "stillWithheld", "The rest.")))
        .hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("overturned in full");
    review.complete("DiscloseAfterReview", FoiCase.OFFICER, Map.of("revisedOutcome", "GRANTED_IN_FULL",
        "releasedInformation", "The whole policy, 14 pages."));
    assertThat(review.text("reviewLetterText")).contains("We have overturned our original decision",
        "The whole policy, 14 pages.").doesNotContain("What we continue to withhold");
    review.letterChecked();
    assertThat(review.instance()).hasPassed("ReviewOverturned").isEnded();
    assertThat(reviewRow(review).get("REVISED_OUTCOME")).isEqualTo("GRANTED_IN_FULL");
  }

  @Test
  void aLateRequestIsFlaggedAndTheTeamDeclinesIt() {
    today(LocalDate.of(2026, 6, 1));
    FoiCase foi = ReviewCase.closedCase(engine, "Larry Late", LocalDate.of(2026, 5, 20), "FOIA");
    today(REVIEW_ASKED);
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), REVIEW_ASKED);
    assertThat(review.variable("lateRequest")).isEqualTo(true);
    assertThat((Integer) review.variable("workingDaysSinceResponse")).isGreaterThan(InternalReview.ASK_WITHIN_WORKING_DAYS);
    assertThat(review.instance()).isWaitingAt("DecideLateRequest");
    assertThat(review.task("DecideLateRequest").getName()).startsWith("Decide whether to accept a late review request");

    review.complete("DecideLateRequest", FoiCase.OFFICER, Map.of("lateDecision", "DECLINE",
        "lateDecisionReason", "No reason was given for the delay of over three months."));
    assertThat(review.instance()).hasPassed("SendLateReply", "LateRequestDeclined").hasNotPassed("ConductReview").isEnded();
    assertThat(review.letterTypes()).containsExactly("INTERNAL_REVIEW_LATE");
    Map<String, Object> row = reviewRow(review);
    assertThat(row.get("LATE_REQUEST")).isEqualTo(true);
    assertThat(row.get("ACCEPTED")).isEqualTo(false);
    assertThat(row.get("OUTCOME")).isEqualTo("DECLINED_LATE");
  }

  @Test
  void aLateRequestTheTeamAcceptsIsReviewed() {
    today(LocalDate.of(2026, 6, 1));
    FoiCase foi = ReviewCase.closedCase(engine, "Ada Accepted", LocalDate.of(2026, 5, 20), "FOIA");
    today(REVIEW_ASKED);
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), REVIEW_ASKED);
    review.complete("DecideLateRequest", FoiCase.OFFICER, Map.of("lateDecision", "ACCEPT",
        "lateDecisionReason", "The requester was in hospital."));
    assertThat(review.instance()).hasPassed("DecideLateRequest").isWaitingAt("ConductReview");
    review.decided(InternalReview.UPHOLD, "The exemption was correctly applied.");
    review.letterChecked();
    assertThat(review.instance()).hasPassed("ReviewUpheld").hasNotPassed("SendLateReply").isEnded();
    Map<String, Object> row = reviewRow(review);
    assertThat(row.get("LATE_REQUEST")).isEqualTo(true);
    assertThat(row.get("ACCEPTED")).isEqualTo(true);
    assertThat(row.get("OUTCOME")).isEqualTo("UPHELD");
  }

  @Test
  void environmentalInformationIsReconsideredUnderRegulation11() {
    ReviewCase review = reviewOfAClosedCase("Erin Environment", "EIR");
    assertThat(review.variable("reconsideration")).isEqualTo(true);
    review.decided(InternalReview.UPHOLD, "Regulation 13 applies to the names of the residents.");
    assertThat(review.text("reviewLetterText")).contains("Outcome of our reconsideration",
        "Regulation 11 of the Environmental Information Regulations 2004",
        "no later than 40 working days", "regulation 18").doesNotContain("section 45");
    review.letterChecked();
    assertThat(review.instance()).isEnded();
  }

  @Test
  void theEngineRefusesTheReviewToAnyoneWhoTookPartInTheOriginalDecision() {
    ReviewCase review = reviewOfAClosedCase("Ivo Independent", "FOIA");
    String taskId = review.task("ConductReview").getId();
    // amira approved the original response: her group may review, she may not
    review.as(ReviewCase.REVIEWER, () -> assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceId(review.instance().getId()).taskDefinitionKey("ConductReview").count()).isEqualTo(1));
    assertThatThrownBy(() -> review.as(FoiCase.APPROVER, () -> engine.getTaskService().claim(taskId, FoiCase.APPROVER)))
        .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining(FoiCase.APPROVER);
    assertThatThrownBy(() -> review.as(FoiCase.APPROVER, () -> engine.getTaskService().complete(taskId,
        Map.of("reviewDecision", InternalReview.UPHOLD, "reviewFindings", "Fine."))))
        .hasRootCauseInstanceOf(AuthorizationException.class);
    // nor can code acting without a login hand it to her, or to the officer who assessed the case
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, FoiCase.APPROVER))
        .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Reviewer independence");
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, FoiCase.OFFICER))
        .hasRootCauseInstanceOf(AuthorizationException.class);
    assertThat(review.task("ConductReview").getAssignee()).isNull();

    review.decided(InternalReview.UPHOLD, "The exemption was correctly applied.");
    String letterTaskId = review.task("CheckReviewLetter").getId();
    assertThatThrownBy(() -> review.as(FoiCase.APPROVER, () -> engine.getTaskService().claim(letterTaskId, FoiCase.APPROVER)))
        .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Reviewer independence");
    review.letterChecked();
    assertThat(review.instance()).isEnded();
  }

  @Test
  void onlyAClosedCaseCanBeReviewed() {
    today(RESPONDED);
    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Otto Open", RECEIVED));
    assertThatThrownBy(() -> ReviewCase.asked(engine, open.reference(), RESPONDED))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("still open");
    assertThatThrownBy(() -> ReviewCase.asked(engine, "FOI-1999-00001", RESPONDED))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no FOI request");
  }
}
