package org.foiflow.casefile;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;

/**
 * Names every FOI task after its case, "Triage – FOI-2026-00042", so a task list reads like a caseload,
 * while the model keeps short stage names for Modeler and Cockpit. Per-exemption tasks also name the
 * exemption they are about.
 */
@Component
public class CaseTaskNames extends UserTaskListenerPlugin {

  @Override
  protected void addListeners(TaskDefinition task) {
    task.addTaskListener(TaskListener.EVENTNAME_CREATE, CaseTaskNames::name);
  }

  static void name(DelegateTask task) {
    Object reference = task.getVariable("reference");
    if (reference == null) {
      return;
    }
    String exemption = (String) task.getExecution().getVariableLocal("exemption");
    String subject = exemption == null ? "" : " (" + section(task, exemption) + ")";
    task.setName(task.getName() + subject + " – " + reference);
  }

  @SuppressWarnings("unchecked")
  private static String section(DelegateTask task, String exemption) {
    Object engaged = task.getVariable("engagedExemptions");
    if (engaged instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && exemption.equals(entry.get("code"))) {
          return entry.get("section") + ", " + entry.get("title");
        }
      }
    }
    return exemption;
  }
}
