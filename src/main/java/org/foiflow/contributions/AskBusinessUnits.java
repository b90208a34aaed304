package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_OPTIONS;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_UNITS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Locate and retrieve information" asks afresh on every pass: when the task is created no unit is asked yet
 * (the units asked before have answered, in contributionSummary), so completing it without choosing goes on to
 * the assessment. The units the officer may ask are the task's own checklist options (businessUnitOptions). On
 * completion, by any door, every unit asked must exist, and the choice is kept as a plain list (Tasklist sends a
 * checklist as JSON) for the gateway and the multi-instance.
 */
@Component("askBusinessUnits")
public class AskBusinessUnits implements TaskListener {

  private final BusinessUnits units;

  public AskBusinessUnits(BusinessUnits units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONTRIBUTION_UNITS, new ArrayList<String>());
      List<Map<String, String>> options = new ArrayList<>();
      for (BusinessUnit unit : units.all()) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", unit.name());
        option.put("value", unit.groupId());
        options.add(option);
      }
      // JSON, as Tasklist hands a valuesKey variable to the form; on the task only, as it changes with the units
      task.setVariableLocal(BUSINESS_UNIT_OPTIONS.key(), Spin.JSON(options));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      CaseFile file = CaseFile.of(task);
      List<String> asked = new ArrayList<>(new LinkedHashSet<>(file.codes(CONTRIBUTION_UNITS)));
      List<String> unknown = asked.stream().filter(unit -> units.find(unit).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), Map.of(CONTRIBUTION_UNITS.key(),
            "no business unit is " + String.join(", ", unknown) + ": choose from the form's list"));
      }
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONTRIBUTION_UNITS, asked);
    }
  }
}
