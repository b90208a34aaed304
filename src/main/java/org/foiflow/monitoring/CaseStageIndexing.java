package org.foiflow.monitoring;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.foiflow.security.FoiGroups;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the case index's stage and assignee current: every user task of an FOI case reports when it is
 * created and when it is claimed. Managers' alert tasks run beside the case and are not its stage.
 */
@Component
public class CaseStageIndexing extends AbstractProcessEnginePlugin {

  private final CaseIndex caseIndex;

  public CaseStageIndexing(@Lazy CaseIndex caseIndex) {
    this.caseIndex = caseIndex;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener index = this::index;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, index);
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, index);
        }
      }
    });
  }

  private void index(DelegateTask task) {
    boolean managersAlert = task.getCandidates().stream()
        .anyMatch(link -> FoiGroups.MANAGERS.equals(link.getGroupId()));
    if (!managersAlert && task.getVariable("reference") != null) {
      caseIndex.stage(task.getProcessInstanceId(), task.getBpmnModelElementInstance().getName(), task.getAssignee());
    }
  }
}
