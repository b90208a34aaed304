package org.foiflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.clock.DeadlineStatus;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statutory clock as the process runs it: dates on the case and its tasks, the pause for
 * clarification, and the deadline watch's timers firing on working-day dates (engine clock moved, no sleeping).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class StatutoryClockInTheProcessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Received Mon 2 Nov 2026. Working days following: Nov 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19);
  // Mon 30 Nov is St Andrew's Day, a Scottish bank holiday and so not a working day anywhere (s.10(6));
  // the 20th working day is Tue 1 Dec 2026.
  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);
  private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
  // 5 working days before Tue 1 Dec, skipping 30 Nov: Fri 27, Thu 26, Wed 25, Tue 24, Mon 23 -> Mon 23 Nov
  private static final LocalDate FIRST_AT_RISK_DAY = LocalDate.of(2026, 11, 23);

  @Autowired
  ProcessEngine engine;
  @Autowired
  DeadlineView deadlineView;

  @BeforeEach
  void receivedOnTheDay() {
    BpmnAwareTests.init(engine);
    at(RECEIVED, LocalTime.of(10, 0));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private static void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(LONDON).toInstant()));
  }

  private Job watchTimer(FoiCase foi) {
    return engine.getManagementService().createJobQuery().processInstanceId(foi.instance().getId())
        .activityId("NextDeadlineMilestone").singleResult();
  }

  private FoiCase logged() {
    return FoiCase.logged(engine, FoiCase.aRequest("Pat Example", RECEIVED));
  }

  @Test
  void everyTaskCarriesTheStatutoryDueDateAndAFollowUpDate() {
    FoiCase foi = logged();
    assertThat(foi.variable("dueOn")).isEqualTo(DUE.toString());
    Task triage = foi.task("Triage");
    assertThat(triage.getDueDate()).isEqualTo(Date.from(DUE.atTime(23, 59, 59).atZone(LONDON).toInstant()));
    assertThat(triage.getFollowUpDate()).isEqualTo(Date.from(FIRST_AT_RISK_DAY.atStartOfDay(LONDON).toInstant()));
  }

  @Test
  void theWatchRaisesAnAtRiskAlertOnTheFirstAtRiskWorkingDayWithoutTouchingTheOfficersTask() {
    FoiCase foi = logged().validAndHeld();
    assertThat(watchTimer(foi).getDuedate())
        .isEqualTo(Date.from(FIRST_AT_RISK_DAY.atTime(8, 0).atZone(LONDON).toInstant()));

    at(FIRST_AT_RISK_DAY, LocalTime.of(8, 1));
    engine.getManagementService().executeJob(watchTimer(foi).getId());

    assertThat(foi.instance()).isWaitingAt("LocateInformation", "DeadlineAtRisk", "NextDeadlineMilestone");
    Task alert = foi.task("DeadlineAtRisk");
    assertThat(engine.getTaskService().getIdentityLinksForTask(alert.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("foi-managers"));
    assertThat(foi.variable("deadlineStatus")).isEqualTo("AT_RISK");
    // next look: the day after the due date, for the breach
    assertThat(watchTimer(foi).getDuedate())
        .isEqualTo(Date.from(DUE.plusDays(1).atTime(8, 0).atZone(LONDON).toInstant()));
    assertThat(deadlineView.open(DeadlineStatus.AT_RISK, DeadlineView.Sort.dueOn, false, 0, 500).cases())
        .anySatisfy(row -> assertThat(row.reference()).isEqualTo(foi.reference()));

    foi.complete("DeadlineAtRisk", "maya", Map.of("managerAction", "REASSIGNED", "managerNotes", "Oscar takes it."));
    assertThat(foi.instance()).hasPassed("AtRiskHandled").isWaitingAt("LocateInformation");
  }

  @Test
  void aPublicInterestExtensionMovesTheDeadlineAndEveryTaskAndSendsTheNotice() {
    FoiCase foi = logged().validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD");
    assertThat(foi.instance()).isWaitingAt("PublicInterestTest");
    // 1 Dec + 20 further working days: Dec 2-4 (3), 7-11 (8), 14-18 (13), 21-24 (17), 25 and 28 Dec are
    // holidays, 29-31 (20) -> Thu 31 Dec 2026 is the guidance limit; the officer asks for 8 Jan 2027.
    engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(foi.reference())
        .setVariable("extensionKind", "PUBLIC_INTEREST")
        .setVariable("extensionReason", "The balance needs advice from the Crime Prevention Unit.")
        .setVariable("extensionExemption", "s31")
        .setVariable("extendedDueOn", "2027-01-08")
        .correlate();

    assertThat(foi.instance()).hasPassed("ExtendDeadline", "SendExtensionNotice", "DeadlineExtended")
        .isWaitingAt("PublicInterestTest");
    assertThat(foi.variable("dueOn")).isEqualTo("2027-01-08");
    assertThat(foi.variable("originalDueOn")).isEqualTo(DUE.toString());
    assertThat(foi.variable("extensionExceedsGuidance")).isEqualTo(true);
    assertThat(foi.task("PublicInterestTest").getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2027, 1, 8).atTime(23, 59, 59).atZone(LONDON).toInstant()));
    assertThat(String.valueOf(foi.variable("letters"))).contains("PUBLIC_INTEREST_EXTENSION");
  }

  @Test
  void theDaysBetweenAFeesNoticeAndThePaymentAreNotCounted() {
    FoiCase foi = logged().triagedAs(Map.of("feesPayable", true, "feePounds", 12.5,
        "feeDetails", "Copying 250 pages at 5p a page"));
    assertThat(foi.instance()).hasPassed("SendFeesNotice").isWaitingAt("AwaitingFee");
    assertThat(foi.variable("clock")).isEqualTo("PAUSED");
    assertThat(foi.variable("feesNoticeGivenOn")).isEqualTo(RECEIVED.toString());
    assertThat(String.valueOf(foi.variable("letters"))).contains("FEES_NOTICE");
    assertThat(foi.task("AwaitingFee").getDueDate()).as("due the day the request lapses (s.9(2))")
        .isEqualTo(Date.from(RECEIVED.plusMonths(3).atTime(23, 59, 59).atZone(LONDON).toInstant()));

    // Notice given Mon 2 Nov, fee received Fri 6 Nov: 2-6 Nov are 5 working days disregarded (s.10(2)).
    // Due Tue 1 Dec + 5 working days: Dec 2, 3, 4, 7, 8 -> Tue 8 Dec 2026
    at(LocalDate.of(2026, 11, 9), LocalTime.of(10, 0)); // recorded the Monday after
    foi.feePaidOn(LocalDate.of(2026, 11, 6), 12.5);
    assertThat(foi.instance()).hasPassed("AwaitingFee", "ResumeClockAfterFee", "RearmWatchAfterFee")
        .isWaitingAt("LocateInformation");
    assertThat(foi.variable("feeReceivedOn")).as("typed 06/11/2026, kept as a date").isEqualTo("2026-11-06");
    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-08");
    assertThat(foi.variable("clock")).isEqualTo("RUNNING");
  }

  @Test
  void anUnpaidFeeLapsesTheRequestAfterThreeMonths() {
    FoiCase foi = logged().triagedAs(Map.of("feesPayable", true, "feePounds", 30,
        "feeDetails", "Printing and postage of 600 pages"));
    at(RECEIVED.plusMonths(3).plusDays(1), LocalTime.of(9, 0));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(foi.instance().getId()).activityId("FeeUnpaid").singleResult().getId());
    assertThat(foi.instance()).hasPassed("FeeUnpaid", "LapseMerge", "CloseAsLapsed").isEnded();
    assertThat(foi.variable("outcome")).isEqualTo("LAPSED");
  }

  @Test
  void anEnvironmentalRequestExtendedForComplexityGetsFortyWorkingDays() {
    org.camunda.bpm.engine.variable.VariableMap request = FoiCase.aRequest("Eve Ironment", RECEIVED);
    request.putValue("regime", "EIR");
    FoiCase foi = FoiCase.logged(engine, request).validAndHeld();
    engine.getRuntimeService().createMessageCorrelation("DeadlineExtension")
        .processInstanceBusinessKey(foi.reference())
        .setVariable("extensionKind", "EIR_COMPLEX")
        .setVariable("extensionReason", "Twelve years of monitoring data across four sites.")
        .correlate();
    // 40 working days after Mon 2 Nov 2026: 20th is Tue 1 Dec; Dec 2-4 (23), 7-11 (28), 14-18 (33),
    // 21-24 (37), 25 and 28 Dec holidays, 29-31 (40) -> Thu 31 Dec 2026
    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-31");
    assertThat(foi.variable("extensionExceedsGuidance")).isEqualTo(false);
  }

  @Test
  void theWatchRaisesABreachAlertTheDayAfterTheDueDate() {
    FoiCase foi = logged().validAndHeld();
    at(FIRST_AT_RISK_DAY, LocalTime.of(9, 0));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    at(DUE.plusDays(1), LocalTime.of(8, 30));
    engine.getManagementService().executeJob(watchTimer(foi).getId());

    assertThat(foi.instance()).isWaitingAt("LocateInformation", "DeadlineAtRisk", "DeadlineBreached");
    assertThat(foi.variable("deadlineStatus")).isEqualTo("OVERDUE");
    assertThat(deadlineView.open(DeadlineStatus.OVERDUE, DeadlineView.Sort.dueOn, false, 0, 500).cases())
        .filteredOn(row -> row.reference().equals(foi.reference()))
        .singleElement().satisfies(row -> assertThat(row.workingDaysRemaining()).isEqualTo(-1));

    // the manager records what was done; the case itself carries on and closes normally
    foi.complete("DeadlineBreached", "maya", Map.of("managerAction", "CHASED"));
    foi.located().assessed("FULL").approved();
    assertThat(foi.instance()).isEnded();
  }

  @Test
  void theClockPausesForClarificationAndRestartsWithANewDueDateOnEveryTask() {
    FoiCase foi = logged().triagedAs(Map.of("clarificationNeeded", true,
        "clarificationQuestion", "Which years do you mean?"));
    assertThat(foi.variable("clock")).isEqualTo("PAUSED");
    assertThat(deadlineView.open(DeadlineStatus.PAUSED, DeadlineView.Sort.dueOn, false, 0, 500).cases())
        .anySatisfy(row -> assertThat(row.reference()).isEqualTo(foi.reference()));

    // while paused the watch only looks again the next day, and raises nothing
    at(FIRST_AT_RISK_DAY, LocalTime.of(9, 0));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    assertThat(foi.variable("deadlineStatus")).isEqualTo("PAUSED");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(foi.instance().getId()).list())
        .extracting(Task::getTaskDefinitionKey).as("only the officers' waiting task, no alert").containsExactly("AwaitingClarification");
    assertThat(watchTimer(foi).getDuedate())
        .isEqualTo(Date.from(FIRST_AT_RISK_DAY.plusDays(1).atTime(8, 0).atZone(LONDON).toInstant()));

    // clarified on Tue 24 Nov 2026: Nov 25-27 (3), 30 Nov St Andrew's Day skipped, Dec 1-4 (7), 7-11 (12),
    // 14-18 (17), 21, 22, 23 (20) -> Wed 23 Dec 2026
    at(LocalDate.of(2026, 11, 25), LocalTime.of(10, 0)); // recorded the day after it came
    foi.clarifiedOn(LocalDate.of(2026, 11, 24), "2024 and 2025 only.");
    assertThat(foi.variable("dueOn")).isEqualTo("2026-12-23");
    assertThat(foi.variable("clock")).isEqualTo("RUNNING");
    assertThat(foi.task("Triage").getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2026, 12, 23).atTime(23, 59, 59).atZone(LONDON).toInstant()));
  }

  @Test
  void whileWaitingOnTheRequesterTheDeadlinePageShowsTheWaitingStageAndItsAssignee() {
    FoiCase foi = logged().triagedAs(Map.of("clarificationNeeded", true,
        "clarificationQuestion", "Which years do you mean?"));
    assertThat(row(foi)).satisfies(row -> {
      assertThat(row.stage()).isEqualTo("Awaiting clarification");
      assertThat(row.status()).isEqualTo(DeadlineStatus.PAUSED);
      assertThat(row.clockPausedReason()).contains("clarification");
    });
    Task waiting = foi.task("AwaitingClarification");
    assertThat(waiting.getName()).isEqualTo("Awaiting clarification – " + foi.reference());
    foi.as(FoiCase.SECOND_OFFICER, () -> engine.getTaskService().claim(waiting.getId(), FoiCase.SECOND_OFFICER));
    assertThat(row(foi).assignee()).isEqualTo(FoiCase.SECOND_OFFICER);
  }

  @Test
  void anAtRiskAlertRaisedBeforeTheClarificationClosesWhenTheClockRestarts() {
    FoiCase foi = logged();
    at(FIRST_AT_RISK_DAY, LocalTime.of(9, 0));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    assertThat(foi.instance()).isWaitingAt("Triage", "DeadlineAtRisk");

    foi.triagedAs(Map.of("clarificationNeeded", true, "clarificationQuestion", "Which years do you mean?"));
    assertThat(foi.instance()).isWaitingAt("AwaitingClarification", "DeadlineAtRisk");

    // clarified Tue 24 Nov: due Wed 23 Dec (above); its first at-risk day is 5 working days before, Wed 16 Dec
    at(LocalDate.of(2026, 11, 24), LocalTime.of(11, 0));
    foi.clarifiedOn(LocalDate.of(2026, 11, 24), "2024 and 2025 only.");
    assertThat(foi.instance()).hasPassed("RearmWatchAfterClarification", "AtRiskNoLongerApplies", "AtRiskWithdrawn")
        .isWaitingAt("Triage").isNotWaitingAt("DeadlineAtRisk");
    assertThat(foi.variable("atRiskEscalated")).isEqualTo(false);
    assertThat(watchTimer(foi).getDuedate()).as("the watch waits for the new due date's first at-risk day")
        .isEqualTo(Date.from(LocalDate.of(2026, 12, 16).atTime(8, 0).atZone(LONDON).toInstant()));

    // and raises a new alert then
    at(LocalDate.of(2026, 12, 16), LocalTime.of(8, 0));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    assertThat(foi.instance()).isWaitingAt("Triage", "DeadlineAtRisk");
  }

  @Test
  void aBreachAlertClosesWhenThePaidFeeMovesTheDueDateLaterButTheAtRiskAlertStays() {
    FoiCase foi = logged();
    at(FIRST_AT_RISK_DAY, LocalTime.of(9, 0));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    at(DUE.plusDays(1), LocalTime.of(8, 30));
    engine.getManagementService().executeJob(watchTimer(foi).getId());
    assertThat(foi.instance()).isWaitingAt("Triage", "DeadlineAtRisk", "DeadlineBreached");

    // notice given and the fee paid on Wed 2 Dec: one working day disregarded, due Wed 2 Dec, today
    foi.triagedAs(Map.of("feesPayable", true, "feePounds", 10, "feeDetails", "Postage"))
        .feePaidOn(DUE.plusDays(1), 10);
    assertThat(foi.variable("dueOn")).isEqualTo(DUE.plusDays(1).toString());
    assertThat(foi.instance()).hasPassed("BreachNoLongerApplies", "BreachWithdrawn")
        .isWaitingAt("LocateInformation", "DeadlineAtRisk").isNotWaitingAt("DeadlineBreached");
  }

  private DeadlineView.Row row(FoiCase foi) {
    return deadlineView.open(null, DeadlineView.Sort.dueOn, false, 0, 500).cases().stream()
        .filter(row -> row.reference().equals(foi.reference())).findFirst().orElseThrow();
  }
}
