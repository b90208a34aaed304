package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_UNITS;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Collect the contributions", once every unit asked has answered: writes what each unit of the case has answered
 * so far (contributionSummary, read-only on the next Locate task) and clears contributionUnits, so the officer
 * chooses afresh: ask the unit a handing-back unit suggested, or go on to the assessment.
 */
@Component("collectContributions")
public class CollectContributions implements JavaDelegate {

  private final ContributionRecords records;
  private final BusinessUnits units;
  private final ZoneId zone;

  public CollectContributions(ContributionRecords records, BusinessUnits units, CaseClock clock) {
    this.records = records;
    this.units = units;
    this.zone = clock.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution.getProcessInstance());
    StringJoiner summary = new StringJoiner("\n\n");
    for (ContributionRecords.Contribution asked : records.ofCase(execution.getProcessInstanceId())) {
      if (asked.answer() == null) {
        continue;
      }
      String unit = units.find(asked.unitGroupId()).map(BusinessUnit::name).orElse(asked.unitGroupId());
      LocalDate answeredOn = LocalDate.ofInstant(asked.answeredAt(), zone);
      StringBuilder line = new StringBuilder(unit).append(" (asked on ").append(UkDates.day(asked.askedOn()))
          .append(", due on ").append(UkDates.day(asked.dueOn())).append(", answered on ")
          .append(UkDates.day(answeredOn)).append(asked.late() ? ", late" : "").append("): ");
      if (ContributionAnswer.PROVIDED.equals(asked.answer())) {
        line.append("provided. ").append(asked.whatHeld());
        if (asked.hoursSpent() != null) {
          line.append(" Hours spent: ").append(asked.hoursSpent().stripTrailingZeros().toPlainString()).append('.');
        }
        if (asked.recommendedExemptions() != null) {
          line.append(" Recommended exemptions: ").append(asked.recommendedExemptions().replace(",", ", "))
              .append('.');
        }
      } else {
        line.append("handed back as not theirs. Suggests: ").append(asked.suggestion());
      }
      summary.add(line);
    }
    file.put(CONTRIBUTION_SUMMARY, summary.toString());
    file.put(CONTRIBUTION_UNITS, new ArrayList<String>());
  }
}
