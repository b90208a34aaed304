package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.incoming.MailboxMessages;
import org.foiflow.mailbox.CorrespondenceVariable;
import org.foiflow.mailbox.MailFiling;
import org.foiflow.process.FoiCase;
import org.foiflow.roundrobin.RoundRobinOfficer;
import org.foiflow.roundrobin.RoundRobins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda authorizations for the FOI groups, checked with real users: the FOI groups read the cases' tasks,
 * officers work the officers' tasks, approvers the approvals, managers read everything but work none of
 * them, and anyone else sees no case and no requester's personal data.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class AccessRulesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailFiling filing;
  @Autowired
  RoundRobins roundRobins;
  @Autowired
  RoundRobinOfficer roundRobinOfficer;

  private FoiCase atTriage;
  private FoiCase atApproval;

  @BeforeEach
  void twoCases() {
    if (engine.getIdentityService().createUserQuery().userId("visitor").count() == 0) {
      User visitor = engine.getIdentityService().newUser("visitor");
      visitor.setPassword("visitor-password");
      engine.getIdentityService().saveUser(visitor);
    }
    atTriage = FoiCase.logged(engine, FoiCase.aRequest("Tess Triage", LocalDate.of(2026, 11, 2)));
    atApproval = FoiCase.logged(engine, FoiCase.aRequest("Abe Approval", LocalDate.of(2026, 11, 2)))
        .validAndHeld().located().assessed("FULL");
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> visibleTaskKeys(String user, String group, FoiCase foi) {
    return as(user, group == null ? List.of() : List.of(group), () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(foi.instance().getId()).list().stream().map(task -> task.getTaskDefinitionKey()).toList());
  }

  /**
   * foiflow grants and never revokes, so the engine must not look for a revoke on every command (a query each). It
   * is the starter's own setting: a generic property of that name was overridden by the starter's "auto".
   */
  @Test
  void theEngineNeverLooksForRevokes() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void officersWorkFoiTasksButNotApprovals() {
    assertThat(visibleTaskKeys("olivia", FoiGroups.OFFICERS, atTriage)).containsExactly("Triage");
    as("oscar", List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().claim(atTriage.task("Triage").getId(), "oscar");
      return null;
    });
    assertThat(atTriage.task("Triage").getAssignee()).isEqualTo("oscar");
    // they follow the case to its approval, which only an approver may take
    assertThat(visibleTaskKeys("oscar", FoiGroups.OFFICERS, atApproval)).containsExactly("ApproveResponse");
    String approval = atApproval.task("ApproveResponse").getId();
    assertThatThrownBy(() -> as("oscar", List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().claim(approval, "oscar");
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("is worked by foi-approvers");
    assertThatThrownBy(() -> as("oscar", List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().complete(approval, Map.of("approvalDecision", "APPROVE"));
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class);
    assertThat(atApproval.task("ApproveResponse").getAssignee()).isNull();
  }

  @Test
  void approversWorkTheirApprovalsButNotTheOfficersWork() {
    assertThat(visibleTaskKeys("arthur", FoiGroups.APPROVERS, atApproval)).containsExactly("ApproveResponse");
    as("arthur", List.of(FoiGroups.APPROVERS), () -> {
      engine.getTaskService().claim(atApproval.task("ApproveResponse").getId(), "arthur");
      return null;
    });
    assertThat(atApproval.task("ApproveResponse").getAssignee()).isEqualTo("arthur");
    assertThat(visibleTaskKeys("arthur", FoiGroups.APPROVERS, atTriage)).containsExactly("Triage");
    String triage = atTriage.task("Triage").getId();
    assertThatThrownBy(() -> as("arthur", List.of(FoiGroups.APPROVERS), () -> {
      engine.getTaskService().claim(triage, "arthur");
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class);
    assertThat(atTriage.task("Triage").getAssignee()).isNull();
  }

  @Test
  void taskRightsAreHeldPerProcessDefinitionSoTaskListsJoinAHandfulOfGrants() {
    as("oscar", List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().claim(atTriage.task("Triage").getId(), "oscar");
      return null;
    });
    // no row per task, per candidate group or per assignee, and no revokes
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).list())
        .extracting(Authorization::getResourceId).containsOnly(Authorization.ANY);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(FoiGroups.OFFICERS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(FoiRequest.PROCESS_KEY).singleResult()
        .isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
  }

  @Test
  void managersReadEverythingButCannotWorkTasks() {
    assertThat(visibleTaskKeys("maya", FoiGroups.MANAGERS, atTriage)).containsExactly("Triage");
    assertThat(visibleTaskKeys("maya", FoiGroups.MANAGERS, atApproval)).containsExactly("ApproveResponse");
    assertThat(as("maya", List.of(FoiGroups.MANAGERS),
        () -> engine.getRuntimeService().getVariable(atTriage.instance().getId(), "requesterName"))).isEqualTo("Tess Triage");
    String triage = atTriage.task("Triage").getId();
    assertThatThrownBy(() -> as("maya", List.of(FoiGroups.MANAGERS), () -> {
      engine.getTaskService().claim(triage, "maya");
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class);
  }

  @Test
  void someoneOutsideTheFoiTeamSeesNoCaseAndNoPersonalData() {
    List<String> none = List.of();
    assertThat(visibleTaskKeys("visitor", null, atTriage)).isEmpty();
    assertThat(as("visitor", none, () -> engine.getRuntimeService().createProcessInstanceQuery().count())).isZero();
    assertThat(as("visitor", none, () -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("requesterName").count())).isZero();
    assertThatThrownBy(() -> as("visitor", none,
        () -> engine.getRuntimeService().getVariable(atTriage.instance().getId(), "requesterEmail")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("visitor", none, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(FoiRequest.PROCESS_KEY))).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aMessageInTheHoldingPenIsReadByOfficersAndManagersButNotByApprovers() {
    String held = new MailboxMessages(engine, jdbc, filing).file(MailboxMessages.Email.from("Pat Private",
        "pat@example.org", "My health records", "My NHS number is 485 777 3456."), Instant.now()).process().getId();
    Supplier<Long> texts = () -> engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(held)
        .variableName(CorrespondenceVariable.CORRESPONDENCE_TEXT.key()).count()
        + engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(held)
        .variableName(CorrespondenceVariable.CORRESPONDENCE_TEXT.key()).count();

    assertThat(as("olivia", List.of(FoiGroups.OFFICERS), texts)).isEqualTo(2);
    assertThat(as("maya", List.of(FoiGroups.MANAGERS), texts)).isEqualTo(2);
    assertThat(as("amira", List.of(FoiGroups.APPROVERS), texts)).isZero();
    assertThat(as("amira", List.of(FoiGroups.APPROVERS), () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(held).count())).isZero();
    assertThatThrownBy(() -> as("amira", List.of(FoiGroups.APPROVERS), () -> engine.getRuntimeService()
        .getVariable(held, CorrespondenceVariable.CORRESPONDENCE_TEXT.key()))).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aUnitMemberWorksOnlyTheirUnitsTaskAndReadsNothingElseOfTheCase() {
    FoiCase asking = FoiCase.logged(engine, FoiCase.aRequest("Ulla Unit", LocalDate.of(2026, 11, 2))).validAndHeld()
        .askedUnits(FoiCase.HIGHWAYS, FoiCase.CCTV);
    String instance = asking.instance().getId();
    List<String> highways = List.of(FoiCase.HIGHWAYS);
    String hugo = FoiCase.HIGHWAYS_MEMBER;
    assertThat(as(hugo, highways, () -> engine.getTaskService().createTaskQuery().list().stream()
        .map(task -> task.getId()).toList())).contains(asking.unitTask(FoiCase.HIGHWAYS).getId())
        .doesNotContain(asking.unitTask(FoiCase.CCTV).getId(), atTriage.task("Triage").getId());
    assertThat(as(hugo, highways, () -> engine.getRuntimeService().createProcessInstanceQuery().count())).isZero();
    assertThat(as(hugo, highways, () -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).count())).isZero();
    assertThatThrownBy(() -> as(hugo, highways, () -> engine.getRuntimeService().getVariable(instance,
        "requesterName"))).isInstanceOf(AuthorizationException.class);
    String cctvTask = asking.unitTask(FoiCase.CCTV).getId();
    assertThatThrownBy(() -> as(hugo, highways, () -> {
      engine.getTaskService().complete(cctvTask, Map.of("contributionAnswer", "HANDED_BACK", "suggestedUnit", "x"));
      return null;
    })).isInstanceOf(AuthorizationException.class);
    // an officer may not answer for a unit: the unit knows what it holds
    String highwaysTask = asking.unitTask(FoiCase.HIGHWAYS).getId();
    assertThatThrownBy(() -> as("olivia", List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().complete(highwaysTask, Map.of("contributionAnswer", "HANDED_BACK",
          "suggestedUnit", "x"));
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("is worked by bu-highways");
    assertThat(asking.unitTask(FoiCase.HIGHWAYS).getId()).isEqualTo(highwaysTask);
  }

  @Test
  void aRoundRobinsOfficerIsGivenItsOfficerTasksButNeverItsApprovals() {
    String campaign = "Please send the council's gritting routes for this winter, the salt stock held at each depot"
        + " on the first of every month, and the number of gritter drivers on call each night.";
    List<FoiCase> set = new java.util.ArrayList<>();
    for (String name : List.of("Gil Grit", "Sal Salt")) {
      var sent = FoiCase.aRequest(name, LocalDate.of(2026, 11, 2));
      sent.putValue("requestText", campaign);
      set.add(FoiCase.logged(engine, sent));
    }
    String id = jdbc.queryForObject("SELECT round_robin_id FROM foi_case WHERE reference = ?", String.class,
        set.get(0).reference());
    RoundRobins.RoundRobin roundRobin = roundRobins.byId(id).orElseThrow();
    // the Java API keeps the API's rule: the set's officer is an FOI officer
    assertThatThrownBy(() -> roundRobinOfficer.assign(roundRobin, "amira", null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("officer");

    roundRobinOfficer.assign(roundRobin, FoiCase.OFFICER, null);
    set.get(0).validAndHeld().located().assessed("FULL");
    assertThat(set.get(1).task("Triage").getAssignee()).isEqualTo(FoiCase.OFFICER);
    String approval = set.get(0).task("ApproveResponse").getId();
    assertThat(set.get(0).task("ApproveResponse").getAssignee()).isNull();
    assertThatThrownBy(() -> as(FoiCase.OFFICER, List.of(FoiGroups.OFFICERS), () -> {
      engine.getTaskService().claim(approval, FoiCase.OFFICER);
      return null;
    })).hasRootCauseInstanceOf(AuthorizationException.class);
  }
}
