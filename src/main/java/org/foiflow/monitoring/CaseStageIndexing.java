package org.foiflow.monitoring;

import static org.foiflow.casefile.CaseVariable.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CaseIndex;
import org.foiflow.casefile.UserTaskListenerPlugin;
import org.foiflow.security.FoiGroups;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the case index's stage and assignee current: every user task of an FOI case reports when it is
 * created and when it is claimed. Managers' alert tasks run beside the case and are not its stage.
 */
@Component
public class CaseStageIndexing extends UserTaskListenerPlugin {

  private final CaseIndex caseIndex;

  public CaseStageIndexing(@Lazy CaseIndex caseIndex) {
    this.caseIndex = caseIndex;
  }

  @Override
  protected void addListeners(TaskDefinition task) {
    task.addTaskListener(TaskListener.EVENTNAME_CREATE, this::index);
    task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::index);
  }

  private void index(DelegateTask task) {
    boolean managersAlert = task.getCandidates().stream()
        .anyMatch(link -> FoiGroups.MANAGERS.equals(link.getGroupId()));
    if (!managersAlert && CaseFile.of(task).value(REFERENCE) != null) {
      caseIndex.stage(task.getProcessInstanceId(), task.getBpmnModelElementInstance().getName(), task.getAssignee());
    }
  }
}
