package org.foiflow.security;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.FormContractCheck;
import org.springframework.stereotype.Component;

/**
 * End users (FOI officers, approvers, managers, anyone without Camunda's admin group) act on cases only through
 * their tasks: they read what their authorizations let them read, claim and hand over tasks, complete them with
 * the values of the task's own form, comment, and start an FOI request at its start event with the start form's
 * values. Every other write of the engine's API (process instance modification, suspension, variable writes,
 * identity links, message correlation, deletion, starts at an inner activity, BPMN errors thrown from a task,
 * jobs, batches, migration) is for administrators and foiflow's own steps.
 *
 * <p>The check sits inside the engine, on the outermost command of each call, so it holds for every route:
 * /engine-rest, the webapps' /camunda/api/engine, and the Java API. Commands run by the engine for a command
 * (delegates, listeners), by the job executor (no user) and by foiflow's endpoints after they applied their
 * own rules ({@link OnBehalfOfUser}) are not end users' calls.
 */
@Component
public class EndUserBoundary extends AbstractProcessEnginePlugin {

  /** The engine's commands that change something and that an end user's work needs. */
  static final Set<String> END_USER_WRITES = Set.of(
      "ClaimTaskCmd", // claim and unclaim (GroupTaskWork keeps a task to its candidates)
      "AssignTaskCmd", // hand a task to a colleague (the same rule applies to them)
      "CompleteTaskCmd", "SubmitTaskFormCmd", // the form's fields only, checked below and by FormContractCheck
      "StartProcessInstanceCmd", "SubmitStartFormCmd", // at the start event, with the start form's fields
      "AddCommentCmd", // Tasklist's comments
      "SaveUserCmd"); // a user's own profile and password (Camunda's identity authorizations apply)

  /** Reads: queries, lookups, form and decision evaluation. */
  private static final Pattern READ = Pattern.compile(
      "(Get|Find|Is|Count|Check|Determine|AuthorizationCheck|ExecuteFilter|ExecuteDuration|Create\\w*Query)\\w*Cmd"
          + "|\\w*(Query|Report|CountBy)\\w*Cmd|EvaluateDecision(Table)?Cmd");

  private final FormContractCheck forms;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public EndUserBoundary(FormContractCheck forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.installWithinContext(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        level[0]++;
        try {
          if (level[0] == 1) {
            check(command, Context.getCommandContext());
          }
          return next.execute(command);
        } finally {
          level[0]--;
        }
      }
    });
  }

  private void check(Command<?> command, CommandContext context) {
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null || context.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    String name = command.getClass().getName();
    if (!name.startsWith("org.camunda.bpm.engine.impl.") || command instanceof AbstractQuery<?, ?>) {
      return; // foiflow's own commands, the webapps' read plugins, queries
    }
    String simpleName = name.substring(name.lastIndexOf('.') + 1).replaceFirst("^.*\\$", "");
    if (!simpleName.endsWith("Cmd") || READ.matcher(simpleName).matches()) {
      return;
    }
    if (!END_USER_WRITES.contains(simpleName)) {
      throw refusal(user, simpleName);
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String values = command instanceof CompleteTaskCmd ? "variables" : "properties";
      keepToTheTaskForm(context, (String) field(command, "taskId"), command, values);
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(start, "instantiationBuilder");
      keepToTheStartForm(context, definition(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()),
          builder.getModificationBuilder(), "processVariables");
    } else if (command instanceof SubmitStartFormCmd start) {
      keepToTheStartForm(context, definition(context, (String) field(start, "processDefinitionId"), null),
          start, "variables");
    }
  }

  /**
   * A completion writes the task form's editable fields and nothing else (not assessedBy, not a letter, not the
   * due date). The form's read-only fields are shown, never written: they are dropped from what is submitted.
   */
  private void keepToTheTaskForm(CommandContext context, String taskId, Object holder, String values) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // the engine answers for a task that does not exist
    }
    UserTask userTask = task.getBpmnModelElementInstance();
    String formRef = userTask == null ? null : userTask.getCamundaFormRef();
    keepToForm(task.getProcessDefinitionId(), formRef, task.getName(), holder, values);
  }

  private void keepToTheStartForm(CommandContext context, ProcessDefinitionEntity definition, Object holder,
                                  String values) {
    if (definition == null) {
      return;
    }
    BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    String formRef = process.getChildElementsByType(StartEvent.class).stream()
        .filter(start -> start.getEventDefinitions().isEmpty()).map(StartEvent::getCamundaFormRef)
        .filter(ref -> ref != null).findFirst().orElse(null);
    keepToForm(definition.getId(), formRef, definition.getName(), holder, values);
  }

  /** Refuses values that are not the form's fields; drops the read-only ones (a copy, whoever owns the map). */
  private void keepToForm(String processDefinitionId, String formRef, String step, Object holder, String values) {
    Map<String, Object> submitted = castMap(field(holder, values));
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    FormContractCheck.Fields fields = forms.fieldsOf(processDefinitionId, formRef);
    Map<String, String> problems = new TreeMap<>();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> value : submitted.entrySet()) {
      String name = value.getKey();
      if (fields.editable().contains(name)) {
        kept.put(name, value.getValue());
      } else if (!fields.readOnly().contains(name)) {
        problems.put(name, "is not a field of the form of '" + step + "'; only the form's fields may be submitted");
      }
    }
    if (!problems.isEmpty()) {
      throw CaseDataInvalidException.refused("Refused for '" + step + "'", problems);
    }
    if (kept.size() < submitted.size()) {
      VariableMap copy = Variables.createVariables();
      // typed values (a file, JSON) keep their type
      kept.keySet().forEach(name -> copy.putValueTyped(name, Variables.untypedValue(submitted instanceof VariableMap typed
          ? typed.getValueTyped(name) : submitted.get(name))));
      setField(holder, values, copy);
    }
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    if (id != null) {
      return cache.findDeployedProcessDefinitionById(id);
    }
    return key == null ? null : cache.findDeployedLatestProcessDefinitionByKey(key);
  }

  private static AuthorizationException refusal(Authentication user, String command) {
    String action = command.replaceFirst("Cmd$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return new AuthorizationException(user.getUserId() + " may not do this (" + action
        + "): staff act on a case through its tasks and foiflow's own pages; changes outside them are for an"
        + " administrator.");
  }

  private static Object field(Object command, String name) {
    Object absent = new Object();
    Object value = CommandGuards.fieldOf(command, name, absent);
    if (value == absent) {
      // an engine upgrade that renamed it must fail loudly, never skip the check
      throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
    return value;
  }

  private static void setField(Object holder, String name, Object value) {
    for (Class<?> type = holder.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(holder, value);
        return;
      } catch (NoSuchFieldException next) {
        // declared higher up
      } catch (IllegalAccessException unwritable) {
        throw new IllegalStateException(unwritable);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }
}
