package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.BUSINESS_UNIT_OPTIONS;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_UNITS;
import static org.foiflow.casefile.CaseVariable.INFORMATION_LOCATION;
import static org.foiflow.casefile.CaseVariable.INFORMATION_SUMMARY;

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
 * checklist as JSON) for the gateway and the multi-instance. What is held and where may wait while units are asked
 * (the officer often does not know yet), but the case goes on to the assessment only with both.
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
      // JSON, not a Java list: Tasklist sends a checklist back typed as the variable it loaded
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONTRIBUTION_UNITS, Spin.JSON("[]"));
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
      if (asked.isEmpty()) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (var needed : List.of(INFORMATION_SUMMARY, INFORMATION_LOCATION)) {
          if (file.text(needed) == null || file.text(needed).isBlank()) {
            missing.put(needed.key(), "say this before the case goes on to the assessment, or ask a business unit");
          }
        }
        if (!missing.isEmpty()) {
          throw new CaseDataInvalidException(task.getName(), missing);
        }
      }
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONTRIBUTION_UNITS, asked);
    }
  }
}
