package org.foiflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A designer adds a task after triage ("Check for related requests") and deploys the changed model: the
 * cases already open stay on the version they started on until a migration plan moves them, as
 * bpmn/README.md describes. The changed model is built from bpmn/foi-request.bpmn itself, so the plan is
 * tested against the model as it really is. Its own engine: a second version must not leak into other tests.
 */
@SpringBootTest(properties = "foiflow.test.engine=model-migration")
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class ModelMigrationTest {

  private static final String NEW_TASK = "CheckRelatedRequests";
  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;

  private Deployment changed;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void removeTheChangedModel() {
    if (changed != null) {
      repositoryService.deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void openCasesKeepTheirVersionUntilMigratedThenTakeTheNewTaskAfterTriage() {
    ProcessDefinition v1 = latestFoiRequest();
    FoiCase awaitingTriage = FoiCase.logged(engine, FoiCase.aRequest("Migrating Triage", RECEIVED));
    FoiCase beingLocated = FoiCase.logged(engine, FoiCase.aRequest("Migrating Locate", RECEIVED)).validAndHeld();
    assertThat(beingLocated.instance()).isWaitingAt("LocateInformation");

    changed = deploy(withTaskAfterTriage(v1));
    ProcessDefinition v2 = latestFoiRequest();
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(definitionOf(awaitingTriage)).as("a new version does not move running cases").isEqualTo(v1.getId());
    FoiCase startedOnV2 = FoiCase.logged(engine, FoiCase.aRequest("Started On V2", RECEIVED));
    assertThat(definitionOf(startedOnV2)).isEqualTo(v2.getId());

    MigrationPlan plan = runtimeService.createMigrationPlan(v1.getId(), v2.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
    runtimeService.newMigration(plan)
        .processInstanceIds(awaitingTriage.instance().getId(), beingLocated.instance().getId())
        .execute();

    assertThat(definitionOf(awaitingTriage)).isEqualTo(v2.getId());
    assertThat(definitionOf(beingLocated)).isEqualTo(v2.getId());
    assertThat(awaitingTriage.task("Triage").getName()).as("the task keeps its name, due date and assignee")
        .isEqualTo("Triage – " + awaitingTriage.reference());

    // the case still at triage meets the new task; the one past it goes on as before
    awaitingTriage.validAndHeld();
    assertThat(awaitingTriage.instance()).isWaitingAt(NEW_TASK);
    awaitingTriage.complete(NEW_TASK, FoiCase.OFFICER, Map.of("relatedRequests", "None in the last 60 days."));
    assertThat(awaitingTriage.instance()).isWaitingAt("LocateInformation");

    beingLocated.located().assessed("FULL").approved();
    assertThat(beingLocated.instance()).isEnded().hasPassed("IssueResponse");
    assertThat(beingLocated.variable("outcome")).isEqualTo("GRANTED_IN_FULL");
  }

  @Test
  void aPlanThatLeavesAnOpenTaskUnmappedIsRefusedBeforeAnythingMoves() {
    ProcessDefinition v1 = latestFoiRequest();
    FoiCase awaitingTriage = FoiCase.logged(engine, FoiCase.aRequest("Unmapped Triage", RECEIVED));
    changed = deploy(withTaskAfterTriage(v1));
    ProcessDefinition v2 = latestFoiRequest();

    MigrationPlan noTriage = runtimeService.createMigrationPlan(v1.getId(), v2.getId())
        .mapActivities("LocateInformation", "LocateInformation")
        .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService.newMigration(noTriage)
            .processInstanceIds(awaitingTriage.instance().getId()).execute())
        .hasMessageContaining("Triage");
    assertThat(definitionOf(awaitingTriage)).isEqualTo(v1.getId());
    assertThat(awaitingTriage.instance()).isWaitingAt("Triage");
  }

  @Test
  void timersCannotBeMappedToATaskOfAnotherKind() {
    ProcessDefinition v1 = latestFoiRequest();
    changed = deploy(withTaskAfterTriage(v1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService
            .createMigrationPlan(v1.getId(), latestFoiRequest().getId())
            .mapActivities("NextDeadlineMilestone", NEW_TASK)
            .build())
        .isInstanceOf(MigrationPlanValidationException.class);
  }

  // --- the designer's change, made as Camunda Modeler would -----------------------------------------

  private BpmnModelInstance withTaskAfterTriage(ProcessDefinition v1) {
    // a fresh copy: the engine caches the deployed model instance and must not see it changed
    BpmnModelInstance model = Bpmn.readModelFromStream(repositoryService.getProcessModel(v1.getId()));
    UserTask triage = model.getModelElementById("Triage");
    SequenceFlow out = triage.getOutgoing().iterator().next();
    FlowNode next = out.getTarget();

    UserTask check = model.newInstance(UserTask.class);
    check.setId(NEW_TASK);
    check.setName("Check for related requests");
    check.setCamundaFormRef("check-related-requests");
    check.setCamundaFormRefBinding("deployment");
    check.setCamundaCandidateGroups("foi-officers");
    check.setCamundaDueDate("${taskDueDate}");
    check.setCamundaFollowUpDate("${taskFollowUpDate}");
    Documentation why = model.newInstance(Documentation.class);
    why.setTextContent("Look for earlier or parallel requests from the same requester (s.14(2), aggregation).");
    check.getDocumentations().add(why);
    ((Process) triage.getParentElement()).addChildElement(check);

    out.setTarget(check);
    SequenceFlow onward = model.newInstance(SequenceFlow.class);
    onward.setId("Flow_RelatedChecked");
    ((Process) triage.getParentElement()).addChildElement(onward);
    onward.setSource(check);
    onward.setTarget(next);
    check.getIncoming().add(out);
    check.getOutgoing().add(onward);
    next.getIncoming().remove(out);
    next.getIncoming().add(onward);
    Bpmn.validateModel(model);
    return model;
  }

  /** The changed model with every decision and form (both bound per deployment) and the new task's form. */
  private Deployment deploy(BpmnModelInstance model) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("foi-request with related-requests check")
        .addModelInstance("foi-request.bpmn", model)
        .addString("check-related-requests.form", """
            {"schemaVersion": 16, "id": "check-related-requests", "type": "default", "components": [
              {"type": "textarea", "id": "Field_related", "key": "relatedRequests",
               "label": "Related requests found", "validate": {"required": true, "maxLength": 4000}}]}
            """);
    try (Stream<Path> forms = Files.list(Path.of("forms")); Stream<Path> decisions = Files.list(Path.of("bpmn"))) {
      for (Path resource : Stream.concat(forms, decisions)
          .filter(path -> path.toString().endsWith(".form") || path.toString().endsWith(".dmn")).toList()) {
        deployment.addString(resource.getFileName().toString(), Files.readString(resource));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment.deploy();
  }

  private ProcessDefinition latestFoiRequest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(FoiRequest.PROCESS_KEY).latestVersion()
        .singleResult();
  }

  private String definitionOf(FoiCase foi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(foi.instance().getId()).singleResult()
        .getProcessDefinitionId();
  }
}
