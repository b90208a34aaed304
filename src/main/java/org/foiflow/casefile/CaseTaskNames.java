package org.foiflow.casefile;

import static org.foiflow.casefile.CaseVariable.ENGAGED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.EXEMPTION;
import static org.foiflow.casefile.CaseVariable.REFERENCE;

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
    Object reference = CaseFile.of(task).value(REFERENCE);
    if (reference == null) {
      return;
    }
    String exemption = (String) task.getExecution().getVariableLocal(EXEMPTION.key());
    String subject = exemption == null ? "" : " (" + section(task, exemption) + ")";
    task.setName(task.getName() + subject + " – " + reference);
  }

  @SuppressWarnings("unchecked")
  private static String section(DelegateTask task, String exemption) {
    Object engaged = CaseFile.of(task).value(ENGAGED_EXEMPTIONS);
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
