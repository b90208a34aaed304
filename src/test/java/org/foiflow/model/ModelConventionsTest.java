package org.foiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** What every model in bpmn/ must keep when a designer edits it in Camunda Modeler. */
class ModelConventionsTest {

  private final ObjectMapper json = new ObjectMapper();

  private Set<String> formIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode schema = json.readTree(form.toFile());
        assertThat(schema.get("schemaVersion").asInt()).as(form + " schemaVersion").isLessThanOrEqualTo(16);
        ids.add(schema.get("id").asText());
      }
    }
    return ids;
  }

  /**
   * UK order in every form: form-js's date picker shows mm/dd/yyyy whatever the browser's language, so dates are
   * typed day first into text fields; a date only shown is shown in words (14 May 2026), never as the ISO text
   * the engine keeps, which a read-only field would show.
   */
  @Test
  void everyDateInAFormIsTypedDayFirstOrShownInWords() throws Exception {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        for (JsonNode field : json.readTree(form.toFile()).findParents("type")) {
          String key = field.path("key").asText();
          assertThat(field.get("type").asText()).as(form + " " + key + ": no date picker").isNotEqualTo("datetime");
          if (field.path("readonly").asBoolean() && key.matches(".*(On|By|Date)$")) {
            throw new AssertionError(form + " shows the date " + key + " as the engine keeps it (2026-05-14):"
                + " show it in a text component as {{date(" + key + ").day}} {{month of year(date(" + key + "))}} ...");
          }
        }
      }
    }
  }

  private Stream<BpmnModelInstance> models() throws Exception {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn"))
        .map(Path::toFile).map(File::getAbsoluteFile).map(Bpmn::readModelFromFile);
  }

  @Test
  void everyUserTaskHasAFormACandidateGroupADueDateAFollowUpDateAndDocumentation() throws Exception {
    Set<String> forms = formIds();
    models().forEach(model -> {
      Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
      assertThat(tasks).isNotEmpty();
      for (UserTask task : tasks) {
        String id = task.getId();
        assertThat(task.getName()).as(id + " name").isNotBlank();
        assertThat(task.getCamundaFormRef()).as(id + " form").isNotNull();
        assertThat(forms).as(id + " form " + task.getCamundaFormRef() + " exists in forms/").contains(task.getCamundaFormRef());
        assertThat(task.getCamundaCandidateGroups()).as(id + " candidate group").isNotBlank();
        assertThat(task.getCamundaDueDate()).as(id + " due date").isNotBlank();
        assertThat(task.getCamundaFollowUpDate()).as(id + " follow-up date").isNotBlank();
        assertThat(task.getDocumentations()).as(id + " documentation").isNotEmpty();
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(forms).as("start form").contains(start.getCamundaFormRef());
        }
      }
    });
  }

  @Test
  void everyFlowNodeIsNamedAndDrawn() throws Exception {
    models().forEach(model -> {
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(drawn).as(node.getId() + " has a diagram shape").contains(node.getId());
        boolean mergeGateway = node.getElementType().getTypeName().endsWith("Gateway") && node.getOutgoing().size() == 1;
        if (!mergeGateway) {
          assertThat(node.getName()).as(node.getId() + " has a name").isNotBlank();
        }
      }
    });
  }
}
