package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_UNITS;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Locate and retrieve information" asks afresh on every pass: when the task is created no unit is asked yet
 * (the units asked before have answered, in contributionSummary), so completing it without choosing goes on to
 * the assessment.
 */
@Component("askBusinessUnits")
public class AskBusinessUnits implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONTRIBUTION_UNITS, new ArrayList<String>());
    }
  }
}
