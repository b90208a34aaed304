package org.foiflow.casefile;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Checks, when any user task completes, that the case's values keep the contract of the task's own
 * Camunda Form (the form deployed with the model version). Runs first among the task's complete
 * listeners, so a refused completion changes nothing.
 */
@Component
public class FormContractCheck extends UserTaskListenerPlugin {

  /** deploymentId -> form id -> contract; deployments never change, so this never goes stale. */
  private final Map<String, Map<String, FormContract>> contracts = new ConcurrentHashMap<>();

  @Override
  protected void addListeners(TaskDefinition task) {
    // built in, so it runs before the model's own complete listeners file the values away
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::check);
  }

  private void check(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    FormContract contract = contract(task, userTask.getCamundaFormRef());
    if (contract != null) {
      Map<String, String> problems = contract.violations(task.getVariables());
      if (!problems.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), problems);
      }
    }
  }

  /** What a form, deployed with the process definition, lets a user write and what it only shows. */
  public record Fields(Set<String> editable, Set<String> readOnly) {
    static final Fields NONE = new Fields(Set.of(), Set.of());
  }

  /** The fields of the form {@code formId} of the definition's deployment; none when it has no such form. */
  public Fields fieldsOf(String processDefinitionId, String formId) {
    FormContract contract = formId == null ? null
        : contract(Context.getProcessEngineConfiguration().getRepositoryService(), processDefinitionId, formId);
    return contract == null ? Fields.NONE : new Fields(contract.editableKeys(), contract.readOnlyKeys());
  }

  private FormContract contract(DelegateTask task, String formId) {
    return contract(task.getProcessEngineServices().getRepositoryService(), task.getProcessDefinitionId(), formId);
  }

  private FormContract contract(RepositoryService repository, String processDefinitionId, String formId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
      return contracts.computeIfAbsent(deploymentId, id -> {
        Map<String, FormContract> forms = new ConcurrentHashMap<>();
        for (String resource : repository.getDeploymentResourceNames(id)) {
          if (resource.endsWith(".form")) {
            byte[] bytes = readAll(repository, id, resource);
            String formKey = formId(bytes);
            forms.put(formKey, FormContract.read(new java.io.ByteArrayInputStream(bytes)));
          }
        }
        return forms;
      }).get(formId);
    });
  }

  private static byte[] readAll(RepositoryService repository, String deploymentId, String resource) {
    try (var in = repository.getResourceAsStream(deploymentId, resource)) {
      return in.readAllBytes();
    } catch (java.io.IOException unreadable) {
      throw new IllegalStateException("form " + resource + " cannot be read", unreadable);
    }
  }

  private static String formId(byte[] form) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).path("id").asText();
    } catch (java.io.IOException unreadable) {
      throw new IllegalStateException("form cannot be read", unreadable);
    }
  }
}
