package org.foiflow.casefile;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * An engine plugin that adds the same listeners to every user task (and, when it wants, every start event) of
 * every deployed model: for rules that hold for all FOI tasks (names, the case index, form contracts), so
 * designers need not repeat them.
 */
public abstract class UserTaskListenerPlugin extends AbstractProcessEnginePlugin {

  /** Adds this plugin's listeners to one user task's definition. */
  protected abstract void addListeners(TaskDefinition task);

  /** Adds this plugin's listeners to a start event (of a process or a subprocess); none by default. */
  protected void addStartListener(ActivityImpl startEvent) {
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          addListeners(userTask.getTaskDefinition());
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl startEvent) {
        addStartListener(startEvent);
      }
    });
  }
}
