package org.foiflow.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The paths of bpmn/ico-complaint.bpmn: deadlines set by the Commissioner, the decision notice, appeal and steps. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class IcoComplaintProcessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 10, 5).atTime(10, 0).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String closedCase(String requester) {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest(requester, LocalDate.of(2026, 9, 1)));
    foi.validAndHeld().located().assessed("WITHHOLD", "s40-2").approved();
    return foi.reference();
  }

  private ProcessInstance notified(String reference, String respondBy) {
    return engine.getRuntimeService().startProcessInstanceByKey(IcoComplaint.PROCESS_KEY, Variables.createVariables()
        .putValue("caseReference", reference).putValue("icoReference", "IC-123456-A1B2")
        .putValue("notifiedOn", "2026-10-05").putValue("respondBy", respondBy)
        .putValue("complaintSummary", "The requester says s.40(2) was wrongly applied."));
  }

  private Task task(ProcessInstance complaint, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(complaint.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(ProcessInstance complaint, String key, Map<String, Object> values) {
    // the officer records a step on the day it happened: the form refuses a day still to come
    values.entrySet().stream()
        .filter(value -> value.getKey().endsWith("On") && !value.getKey().endsWith("DueOn"))
        .map(value -> LocalDate.parse(value.getValue().toString())).max(LocalDate::compareTo)
        .ifPresent(day -> ClockUtil.setCurrentTime(Date.from(day.atTime(17, 0).atZone(LONDON).toInstant())));
    Task task = task(complaint, key);
    List<String> groups = List.of("foi-officers");
    engine.getIdentityService().setAuthentication(FoiCase.OFFICER, groups);
    try {
      engine.getTaskService().claim(task.getId(), FoiCase.OFFICER);
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Map<String, Object> row(ProcessInstance complaint) {
    return jdbc.queryForMap("SELECT * FROM foi_ico_complaint WHERE complaint_id = ?", complaint.getId());
  }

  private static Date endOf(String day) {
    return Date.from(LocalDate.parse(day).atTime(23, 59, 59).atZone(LONDON).toInstant());
  }

  @Test
  void upheldWithStepsOrderedTakenByTheirDueDate() {
    String reference = closedCase("Cora Complainant");
    ProcessInstance complaint = notified(reference, "2026-11-02");
    assertThat(complaint).hasPassed("RecordComplaint").isWaitingAt("RespondToCommissioner");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(complaint.getId())
        .singleResult().getBusinessKey()).isEqualTo(reference);
    // the Commissioner's deadline is the task's due date
    assertThat(task(complaint, "RespondToCommissioner").getDueDate()).isEqualTo(endOf("2026-11-02"));
    assertThat(task(complaint, "RespondToCommissioner").getName()).endsWith(" – " + reference);

    complete(complaint, "RespondToCommissioner", Map.of("submissionSentOn", "2026-10-30",
        "submissionSummary", "Our reasons for s.40(2) and the withheld names."));
    assertThat(complaint).isWaitingAt("RecordDecisionNotice");
    assertThat(task(complaint, "RecordDecisionNotice").getDueDate()).isEqualTo(endOf("2027-01-30"));

    // steps ordered need a due date
    assertThatThrownBy(() -> complete(complaint, "RecordDecisionNotice", Map.of("decisionOutcome", "UPHELD",
        "decisionNoticeOn", "2026-12-15", "stepsOrdered", true, "stepsDescription", "Disclose the names.",
        "appeal", "NONE"))).hasRootCauseInstanceOf(CaseDataInvalidException.class).hasMessageContaining("stepsDueOn");
    complete(complaint, "RecordDecisionNotice", Map.of("decisionOutcome", "UPHELD", "decisionNoticeReference", "IC-123456-A1B2",
        "decisionNoticeOn", "2026-12-15", "stepsOrdered", true, "stepsDescription", "Disclose the names of senior officers.",
        "stepsDueOn", "2027-01-19", "appeal", "NONE"));
    assertThat(complaint).hasNotPassed("RecordTribunalDecision").isWaitingAt("TakeOrderedSteps");
    assertThat(task(complaint, "TakeOrderedSteps").getDueDate()).isEqualTo(endOf("2027-01-19"));

    complete(complaint, "TakeOrderedSteps", Map.of("stepsCompletedOn", "2027-01-12", "stepsTaken", "Names sent to the requester."));
    assertThat(complaint).hasPassed("StepsTaken").isEnded();
    Map<String, Object> row = row(complaint);
    assertThat(row.get("DECISION_OUTCOME")).isEqualTo("UPHELD");
    assertThat(row.get("STEPS_ORDERED")).isEqualTo(true);
    assertThat(row.get("STEPS_DUE_ON").toString()).isEqualTo("2027-01-19");
    assertThat(row.get("STEPS_COMPLETED_ON").toString()).isEqualTo("2027-01-12");
    assertThat(row.get("RESPONDED_ON").toString()).isEqualTo("2026-10-30");
    assertThat(row.get("CLOSED_ON")).isNotNull();
  }

  @Test
  void notUpheldWithoutStepsClosesTheComplaint() {
    ProcessInstance complaint = notified(closedCase("Nora Notupheld"), "2026-11-02");
    complete(complaint, "RespondToCommissioner", Map.of("submissionSentOn", "2026-10-20", "submissionSummary", "Our case."));
    complete(complaint, "RecordDecisionNotice", Map.of("decisionOutcome", "NOT_UPHELD", "decisionNoticeOn", "2026-12-01",
        "stepsOrdered", false, "appeal", "NONE"));
    assertThat(complaint).hasPassed("ComplaintClosed").hasNotPassed("TakeOrderedSteps").isEnded();
    assertThat(row(complaint).get("DECISION_OUTCOME")).isEqualTo("NOT_UPHELD");
  }

  @Test
  void anAppealToTheTribunalDecidesWhichStepsStand() {
    ProcessInstance complaint = notified(closedCase("Abe Appeal"), "2026-11-02");
    complete(complaint, "RespondToCommissioner", Map.of("submissionSentOn", "2026-10-20", "submissionSummary", "Our case."));
    complete(complaint, "RecordDecisionNotice", Map.of("decisionOutcome", "PARTLY_UPHELD", "decisionNoticeOn", "2026-12-01",
        "stepsOrdered", true, "stepsDescription", "Disclose part.", "stepsDueOn", "2027-01-05", "appeal", "BY_AUTHORITY"));
    assertThat(complaint).isWaitingAt("RecordTribunalDecision");
    complete(complaint, "RecordTribunalDecision", Map.of("tribunalOutcome", "DISMISSED", "tribunalDecisionOn", "2027-04-01",
        "stepsOrdered", true, "stepsDescription", "Disclose part.", "stepsDueOn", "2027-05-06"));
    assertThat(complaint).isWaitingAt("TakeOrderedSteps");
    assertThat(task(complaint, "TakeOrderedSteps").getDueDate()).isEqualTo(endOf("2027-05-06"));
    Map<String, Object> row = row(complaint);
    assertThat(row.get("APPEAL")).isEqualTo("BY_AUTHORITY");
    assertThat(row.get("APPEAL_OUTCOME")).isEqualTo("DISMISSED");
  }

  @Test
  void aComplaintNeedsAKnownCaseAndTheCommissionersDeadline() {
    assertThatThrownBy(() -> notified("FOI-1999-00042", "2026-11-02"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no FOI request");
    String reference = closedCase("Dee Deadline");
    assertThatThrownBy(() -> notified(reference, "2026-10-01"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("respondBy");
  }
}
