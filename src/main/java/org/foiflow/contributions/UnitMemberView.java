package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_NAME;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;
import static org.foiflow.casefile.CaseVariable.OFFERED_EXEMPTIONS;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.foiflow.casefile.FormContractCheck;
import org.foiflow.security.FoiGroups;
import org.foiflow.security.FoiTeam;
import org.foiflow.security.CommandGuards;
import org.springframework.stereotype.Component;

/**
 * A business unit's members read of a case only what their task shows: FOI is applicant-blind, and the unit needs
 * the request, not the requester. When someone who is only a unit member reads a task's variables (Tasklist's form,
 * /engine-rest, the Java API), the answer keeps the task form's fields and what the form's text shows (the
 * contribution's id, deadline and unit, the exemptions offered); the requester's name, email and address and every
 * other value of the case are left out. A single variable outside them reads as absent.
 */
@Component
public class UnitMemberView extends AbstractProcessEnginePlugin {

  /** The task variable reads of the engine's API. */
  static final Set<String> TASK_VARIABLE_READS = Set.of("GetTaskVariablesCmd", "GetTaskFormVariablesCmd",
      "GetTaskVariableCmd", "GetTaskVariableCmdTyped");
  /** Shown by the form's text and checklist, not as fields. */
  static final List<String> SHOWN_BY_THE_FORM = List.of(CONTRIBUTION_ID.key(), CONTRIBUTION_DUE_ON.key(),
      BUSINESS_UNIT_NAME.key(), OFFERED_EXEMPTIONS.key());

  private final FormContractCheck forms;

  public UnitMemberView(FormContractCheck forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.installWithinContext(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        String name = command.getClass().getSimpleName();
        if (TASK_VARIABLE_READS.contains(name) && onlyAUnitMember(Context.getCommandContext().getAuthentication())) {
          Object taskId = CommandGuards.fieldOf(command, "taskId", null);
          if (taskId == null) {
            taskId = CommandGuards.fieldOf(command, "resourceId", null);
          }
          Set<String> shown = shownBy((String) taskId);
          if (result instanceof VariableMap values) {
            values.keySet().retainAll(shown);
          } else if (!shown.contains((String) CommandGuards.fieldOf(command, "variableName", null))) {
            return null;
          }
        }
        return result;
      }
    });
  }

  private static boolean onlyAUnitMember(Authentication user) {
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.stream().anyMatch(group -> group.startsWith(FoiGroups.BUSINESS_UNIT_PREFIX))
        && groups.stream().noneMatch(group -> FoiTeam.GROUPS.contains(group) || Groups.CAMUNDA_ADMIN.equals(group));
  }

  private Set<String> shownBy(String taskId) {
    TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
    Set<String> shown = new HashSet<>(SHOWN_BY_THE_FORM);
    if (task != null && task.getProcessDefinitionId() != null) {
      UserTask userTask = task.getBpmnModelElementInstance();
      FormContractCheck.Fields fields = forms.fieldsOf(task.getProcessDefinitionId(),
          userTask == null ? null : userTask.getCamundaFormRef());
      shown.addAll(fields.editable());
      shown.addAll(fields.readOnly());
    }
    return shown;
  }

}
