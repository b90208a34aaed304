package org.foiflow.casefile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Checks, when any user task completes, that the case's values keep the contract of the task's own
 * Camunda Form (the form deployed with the model version). Runs first among the task's complete
 * listeners, so a refused completion changes nothing. Before that, and when a process starts, every text
 * value is normalised ({@link UserText}), so no character someone typed can stop a later step.
 */
@Component
public class FormContractCheck extends UserTaskListenerPlugin {

  /** deploymentId -> form id -> contract; deployments never change, so this never goes stale. */
  private final Map<String, Map<String, FormContract>> contracts = new ConcurrentHashMap<>();

  private final ZoneId zone;
  private final Jurisdiction jurisdiction;

  public FormContractCheck(ClockSettings settings, Jurisdiction jurisdiction) {
    this.zone = settings.zone();
    this.jurisdiction = jurisdiction;
  }

  @Override
  protected void addListeners(TaskDefinition task) {
    // built in, so it runs before the model's own complete listeners file the values away
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::check);
  }

  /**
   * A start form's values (and the API's, which start the same processes) are cleaned before the first step, and
   * its dates kept as the process reads them, so "Register request" and the intakes never see 14/05/2026.
   */
  @Override
  protected void addStartListener(ActivityImpl startEvent) {
    startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::started);
  }

  private void started(DelegateExecution execution) {
    normalise(execution);
    if (!(execution.getBpmnModelElementInstance() instanceof StartEvent start) || start.getCamundaFormRef() == null) {
      return;
    }
    FormContract contract = contract(execution.getProcessEngineServices().getRepositoryService(),
        execution.getProcessDefinitionId(), start.getCamundaFormRef());
    if (contract != null) {
      String what = "Cannot start '" + start.getName() + "'";
      keepDates(execution, contract, what);
      Map<String, String> problems = new LinkedHashMap<>();
      contract.violations(new FieldValues(execution), today()).forEach((key, problem) -> {
        // a start form's dates given are checked here; its other rules (a date left out is today) belong to the
        // process's first step
        Object given = execution.getVariable(key);
        if (contract.isDate(key) && given != null && !given.toString().isBlank()) {
          problems.put(key, problem);
        }
      });
      if (!problems.isEmpty()) {
        throw CaseDataInvalidException.refused(what, problems);
      }
    }
  }

  private void check(DelegateTask task) {
    normalise(task);
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    FormContract contract = contract(task, userTask.getCamundaFormRef());
    if (contract != null) {
      keepDates(task, contract, "Cannot complete '" + task.getName() + "'");
      Map<String, String> problems = contract.violations(new FieldValues(task), today());
      // a form lists every regime (Camunda Forms cannot vary by installation): this jurisdiction's law decides
      String regimeKey = CaseVariable.REGIME.key();
      if (contract.editableKeys().contains(regimeKey) && !problems.containsKey(regimeKey)) {
        Object regime = task.getVariable(regimeKey);
        String problem = jurisdiction.regimeProblem(regime == null ? null : regime.toString());
        if (problem != null) {
          problems.put(regimeKey, problem);
        }
      }
      if (!problems.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), problems);
      }
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /**
   * The form's dates as the process reads them (ISO text), whichever way they were typed (14/05/2026); written
   * back where the value was set, before any other listener or delegate reads it. A value that is no date is
   * refused with its field named.
   */
  private static void keepDates(VariableScope scope, FormContract contract, String what) {
    Map<String, String> problems = new LinkedHashMap<>();
    contract.datesAsKept(new FieldValues(scope), problems).forEach(scope::setVariable);
    if (!problems.isEmpty()) {
      throw CaseDataInvalidException.refused(what, problems);
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

  /**
   * Every text the case holds, cleaned of what would break its letters ({@link UserText}) and written back, so
   * the stored variable is clean. Whatever door a value came through (Tasklist, the REST API with fields the
   * form shows read-only), it is visible here; only a changed value is written.
   */
  private static void normalise(VariableScope scope) {
    // typed and not deserialised: a case's lists and maps (letters, exemptions) are neither read nor, at the
    // command's end, serialised again to see whether they changed, only to find they hold no text of their own
    VariableMap typed = scope.getVariablesTyped(false);
    for (String name : typed.keySet()) {
      TypedValue typedValue = typed.getValueTyped(name);
      Object value;
      if (typedValue instanceof StringValue string) {
        value = string.getValue();
      } else if (typedValue instanceof SerializableValue serializable) {
        if (serializable.isDeserialized()) {
          value = serializable.getValue();
        } else if (mayBeOneText(serializable)) {
          value = scope.getVariable(name);
        } else {
          continue;
        }
      } else {
        continue; // numbers, booleans, dates, bytes, files: no text
      }
      String text = value instanceof String plain ? plain
          : value instanceof SpinJsonNode json && json.isString() ? json.stringValue() : null;
      String clean = UserText.normalise(text);
      if (clean != text) {
        scope.setVariable(name, clean);
      }
    }
  }

  /** Whether a serialised value may read as one text: a JSON string; any other format is read to find out. */
  private static boolean mayBeOneText(SerializableValue value) {
    String format = value.getSerializationDataFormat();
    String serialized = value.getValueSerialized();
    return format == null || !format.contains("json") || serialized != null && serialized.stripLeading().startsWith("\"");
  }

  /**
   * The scope's values as a form's contract reads them, one field at a time: only the form's fields are read
   * (and deserialised), not every list and map the case holds.
   */
  private static final class FieldValues extends AbstractMap<String, Object> {

    private final VariableScope scope;

    FieldValues(VariableScope scope) {
      this.scope = scope;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String name ? scope.getVariable(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && scope.hasVariable(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return scope.getVariables().entrySet();
    }
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
