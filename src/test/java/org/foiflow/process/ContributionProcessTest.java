package org.foiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.foiflow.process.FoiCase.CCTV;
import static org.foiflow.process.FoiCase.CCTV_MEMBER;
import static org.foiflow.process.FoiCase.HIGHWAYS;
import static org.foiflow.process.FoiCase.HIGHWAYS_MEMBER;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.correspondence.MailServerForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contributions of bpmn/foi-request.bpmn ("Ask a business unit"), one scenario per path: units asked at
 * Locate answer, hand back, or are late (reminded before their internal deadline, escalated after it, with the
 * emails read from a real SMTP server), and a late unit that makes the response late is recorded as its cause.
 * The timers are driven by executing their jobs on the engine's clock.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class ContributionProcessTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);
  /** Ten working days from the request: the demo units' internal deadline. */
  private static final LocalDate UNITS_DUE = LocalDate.of(2026, 11, 16);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  StatutoryClock statutoryClock;
  @Autowired
  CaseClock caseClock;
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

  private static void on(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(LONDON).toInstant()));
  }

  private FoiCase atLocate() {
    on(RECEIVED.plusDays(1), 10);
    return FoiCase.logged(engine, FoiCase.aRequest("Jane Requester", RECEIVED)).validAndHeld();
  }

  private Job timer(FoiCase foi, String activityId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(foi.instance().getId())
        .activityId(activityId).list();
    assertThat(jobs).as(activityId).hasSize(1);
    return jobs.get(0);
  }

  private Map<String, Object> contribution(FoiCase foi, String unit) {
    return jdbc.queryForMap("SELECT * FROM foi_contribution WHERE reference = ? AND unit_group_id = ?",
        foi.reference(), unit);
  }

  private List<MimeMessage> emailsTo(String address) throws Exception {
    List<MimeMessage> to = new java.util.ArrayList<>();
    for (MimeMessage message : mail.received()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
        to.add(message);
      }
    }
    return to;
  }

  private static String subjects(List<MimeMessage> messages) throws Exception {
    StringBuilder all = new StringBuilder();
    for (MimeMessage message : messages) {
      all.append(message.getSubject()).append(" to ").append(Arrays.toString(message.getAllRecipients())).append("; ");
    }
    return all.toString();
  }

  @Test
  void twoUnitsAskedOneAnswersInTimeTheOtherIsRemindedEscalatedAndLate() throws Exception {
    FoiCase foi = atLocate();
    String dueOn = String.valueOf(foi.variable("dueOn"));
    Date officersDue = foi.task("LocateInformation").getDueDate();
    foi.askedUnits(HIGHWAYS, CCTV);
    assertThat(foi.instance()).hasPassed("ContributionsGateway", "OpenContribution").isWaitingAt("ProvideInformation");
    Task highways = foi.unitTask(HIGHWAYS);
    assertThat(highways.getDueDate()).isEqualTo(caseClock.endOf(UNITS_DUE));
    assertThat(highways.getName()).contains(foi.reference());
    assertThat(contribution(foi, HIGHWAYS)).containsEntry("DUE_ON", java.sql.Date.valueOf(UNITS_DUE))
        .containsEntry("ASKED_BY", FoiCase.OFFICER);

    on(LocalDate.of(2026, 11, 10), 11);
    foi.unitProvided(CCTV, CCTV_MEMBER, "Camera logs for the town centre, 2025.", 2.5, "s31");

    on(LocalDate.of(2026, 11, 13), 9);
    engine.getManagementService().executeJob(timer(foi, "ContributionReminder").getId());
    List<MimeMessage> reminders = emailsTo("hugo@foiflow.example");
    assertThat(reminders).as(subjects(reminders)).hasSize(1);
    assertThat(reminders.get(0).getSubject())
        .isEqualTo("Reminder: information for " + foi.reference() + " is due on 16 November 2026");
    assertThat(emailsTo("carla@foiflow.example")).isEmpty();
    assertThat(contribution(foi, HIGHWAYS).get("REMINDED_AT")).isNotNull();
    assertThat(contribution(foi, HIGHWAYS).get("ESCALATED_AT")).isNull();

    on(LocalDate.of(2026, 11, 17), 9);
    engine.getManagementService().executeJob(timer(foi, "ContributionOverdue").getId());
    // hana manages Highways (and, a member, was reminded too)
    assertThat(emailsTo("hana@foiflow.example")).extracting(MimeMessage::getSubject)
        .containsExactly("Reminder: information for " + foi.reference() + " is due on 16 November 2026",
            "Late: Highways has not provided the information for " + foi.reference() + " (due on 16 November 2026)");
    assertThat(emailsTo("olivia@foiflow.example")).hasSize(1);
    assertThat(contribution(foi, HIGHWAYS)).containsEntry("LATE", true);
    assertThat(foi.instance()).hasPassed("RemindBusinessUnit", "UnitReminded", "EscalateLateContribution",
        "LateContributionEscalated").isWaitingAt("ProvideInformation");

    on(LocalDate.of(2026, 11, 17), 14);
    foi.unitProvided(HIGHWAYS, HIGHWAYS_MEMBER, "Road camera footage is kept 31 days; none is held for 2025.", 1);
    assertThat(contribution(foi, HIGHWAYS)).containsEntry("LATE", true).containsEntry("ANSWER", "PROVIDED")
        .containsEntry("ANSWERED_BY", HIGHWAYS_MEMBER);
    assertThat(contribution(foi, CCTV)).containsEntry("LATE", false).containsEntry("RECOMMENDED_EXEMPTIONS", "s31");
    assertThat(foi.instance()).hasPassed("HeldByUnitGateway", "InformationProvided", "CollectContributions")
        .isWaitingAt("LocateInformation");
    assertThat(String.valueOf(foi.variable("contributionSummary")))
        .contains("Highways (asked on 3 November 2026, due on 16 November 2026, answered on 17 November 2026, late)")
        .contains("CCTV and public safety").contains("Recommended exemptions: s31");
    assertThat(CaseFile.codes(foi.variable("contributionUnits"))).as("no unit asked on the new pass").isEmpty();

    // the statutory clock never moved: the case's date and the officers' tasks' due dates are as before
    assertThat(foi.variable("dueOn")).isEqualTo(dueOn).isEqualTo(statutoryClock.responseDue(RECEIVED).toString());
    assertThat(foi.task("LocateInformation").getDueDate()).isEqualTo(officersDue);
    foi.located();
    assertThat(foi.instance()).isWaitingAt("AssessExemptions");
    assertThat(foi.task("AssessExemptions").getDueDate()).isEqualTo(officersDue);
  }

  @Test
  void aUnitHandsBackWithASuggestionAndTheOfficerAsksTheSuggestedUnit() {
    FoiCase foi = atLocate().askedUnits(CCTV);
    foi.unitHandedBack(CCTV, CCTV_MEMBER, "Highways: they run the road cameras");
    assertThat(foi.instance()).hasPassed("HandedBack").isWaitingAt("LocateInformation");
    assertThat(contribution(foi, CCTV)).containsEntry("ANSWER", "HANDED_BACK")
        .containsEntry("SUGGESTION", "Highways: they run the road cameras");
    assertThat(String.valueOf(foi.variable("contributionSummary")))
        .contains("handed back as not theirs. Suggests: Highways: they run the road cameras");

    foi.askedUnits(HIGHWAYS).unitProvided(HIGHWAYS, HIGHWAYS_MEMBER, "Road camera footage, 31 days.", 0.5);
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
    assertThat(String.valueOf(foi.variable("contributionSummary"))).contains("CCTV and public safety")
        .contains("Highways (asked on").contains("provided. Road camera footage, 31 days. Hours spent: 0.5.");
    foi.located();
    assertThat(foi.instance()).hasPassed("AssessmentMerge").isWaitingAt("AssessExemptions");
  }

  @Test
  void aLateUnitThatMakesTheResponseLateIsRecordedAsItsCause() {
    FoiCase foi = atLocate().askedUnits(HIGHWAYS);
    on(LocalDate.of(2026, 11, 17), 9);
    engine.getManagementService().executeJob(timer(foi, "ContributionOverdue").getId());
    on(LocalDate.of(2026, 11, 27), 10);
    foi.unitProvided(HIGHWAYS, HIGHWAYS_MEMBER, "Road camera footage, 31 days.", 3);
    foi.located().assessed("FULL");
    LocalDate dueOn = statutoryClock.responseDue(RECEIVED);
    ClockUtil.setCurrentTime(Date.from(dueOn.plusDays(1).atTime(10, 0).atZone(LONDON).toInstant()));
    foi.approved();
    assertThat(foi.instance()).isEnded().hasPassed("ResponseIssued");
    assertThat(foi.variable("respondedOn")).isEqualTo(dueOn.plusDays(1).toString());
    assertThat(contribution(foi, HIGHWAYS)).containsEntry("LATE", true).containsEntry("CAUSED_LATE_RESPONSE", true);
  }

  @Test
  void aUnitInTimeIsNotBlamedForALateResponse() {
    FoiCase foi = atLocate().askedUnits(CCTV);
    foi.unitProvided(CCTV, CCTV_MEMBER, "Camera logs.", 1).located().assessed("FULL");
    on(statutoryClock.responseDue(RECEIVED).plusDays(1), 10);
    foi.approved();
    assertThat(contribution(foi, CCTV)).containsEntry("LATE", false).containsEntry("CAUSED_LATE_RESPONSE", false);
  }

  @Test
  void badAnswersAreRefusedNamingTheFieldAndTheTaskStaysOpen() {
    FoiCase foi = atLocate();
    assertThatThrownBy(() -> foi.askedUnits("bu-nowhere"))
        .satisfies(refused -> assertThat(problems(refused)).containsKey("contributionUnits"));
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
    foi.askedUnits(HIGHWAYS);
    assertThat(foi.instance()).isWaitingAt("ProvideInformation");

    assertRefused(foi, Map.of("contributionAnswer", "PROVIDED"), "whatHeld", "hoursSpent");
    assertRefused(foi, Map.of("contributionAnswer", "HANDED_BACK"), "suggestedUnit");
    assertRefused(foi, Map.of("contributionAnswer", "MAYBE"), "contributionAnswer");
    assertRefused(foi, Map.of("contributionAnswer", "PROVIDED", "whatHeld", "Footage.", "hoursSpent", -1),
        "hoursSpent");
    assertRefused(foi, Map.of("contributionAnswer", "PROVIDED", "whatHeld", "Footage.", "hoursSpent", 1,
        "recommendedExemptions", List.of("s99")), "recommendedExemptions");
    assertThat(foi.unitTask(HIGHWAYS)).isNotNull();
    assertThat(contribution(foi, HIGHWAYS).get("ANSWERED_AT")).isNull();
  }

  @Test
  void unitsAreAskedBeforeTheOfficerKnowsWhatIsHeldButTheAssessmentWaitsForIt() {
    FoiCase foi = atLocate();
    foi.complete("LocateInformation", FoiCase.OFFICER, Map.of("contributionUnits", List.of(CCTV)));
    assertThat(foi.instance()).isWaitingAt("ProvideInformation");
    foi.unitProvided(CCTV, CCTV_MEMBER, "Camera logs for May.", 1);

    assertThatThrownBy(() -> foi.complete("LocateInformation", FoiCase.OFFICER, Map.of("retrievalHours", 1)))
        .satisfies(refused -> assertThat(problems(refused)).containsOnlyKeys("informationSummary",
            "informationLocation"));
    assertThat(foi.instance()).isWaitingAt("LocateInformation");
    foi.located();
    assertThat(foi.instance()).isWaitingAt("AssessExemptions");
  }

  private void assertRefused(FoiCase foi, Map<String, Object> answer, String... fields) {
    assertThatThrownBy(() -> foi.unitAnswered(HIGHWAYS, HIGHWAYS_MEMBER, answer))
        .as(answer.toString()).satisfies(refused -> assertThat(problems(refused)).containsKeys(fields));
    assertThat(foi.instance()).isWaitingAt("ProvideInformation");
  }

  /** The fields a refusal names: the engine wraps a model listener's refusal, so look down its causes. */
  private static Map<String, String> problems(Throwable refused) {
    Throwable cause = refused;
    while (cause != null && !(cause instanceof CaseDataInvalidException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as(String.valueOf(refused)).isInstanceOf(CaseDataInvalidException.class);
    return ((CaseDataInvalidException) cause).problems();
  }

  @Test
  void aUnitMemberSeesAndWorksOnlyTheirOwnUnitsTasks() {
    FoiCase atTriage = FoiCase.logged(engine, FoiCase.aRequest("Tess Triage", RECEIVED));
    FoiCase foi = atLocate().askedUnits(HIGHWAYS, CCTV);
    List<String> caseIds = List.of(atTriage.instance().getId(), foi.instance().getId());
    String triage = atTriage.task("Triage").getId();
    String highways = foi.unitTask(HIGHWAYS).getId();
    String cctv = foi.unitTask(CCTV).getId();
    foi.as(HIGHWAYS_MEMBER, () -> {
      List<Task> visible = engine.getTaskService().createTaskQuery()
          .processInstanceIdIn(caseIds.toArray(String[]::new)).list();
      assertThat(visible).extracting(Task::getId).containsExactly(highways);
      // applicant-blind: the task's form, not the requester
      Map<String, Object> seen = engine.getTaskService().getVariables(highways);
      assertThat(seen).containsKeys("reference", "requestText", "businessUnitName", "contributionId")
          .doesNotContainKeys("requesterName", "requesterEmail", "requesterAddress");
      assertThat(engine.getTaskService().getVariable(highways, "requesterEmail")).isNull();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(caseIds)).count()).isZero();
      assertThatThrownBy(() -> engine.getTaskService().claim(triage, HIGHWAYS_MEMBER))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> engine.getTaskService().complete(cctv,
          Map.of("contributionAnswer", "HANDED_BACK", "suggestedUnit", "Not us"))).isInstanceOf(AuthorizationException.class);
    });
    assertThat(foi.unitTask(CCTV)).isNotNull();
    assertThat(atTriage.task("Triage").getAssignee()).isNull();
  }
}
