package org.foiflow.contributions;

import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ANSWER;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONTRIBUTION_ID;
import static org.foiflow.casefile.CaseVariable.HOURS_SPENT;
import static org.foiflow.casefile.CaseVariable.RECOMMENDED_EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.SUGGESTED_UNIT;
import static org.foiflow.casefile.CaseVariable.WHAT_HELD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * A unit's answer to "Provide information", whatever door it came through (Tasklist, /engine-rest, the Java
 * API): provided needs what is held and the hours spent; handed back needs who the unit thinks holds it. A bad
 * answer is refused naming each field, and the task stays open. The answer is kept in the instance as plain
 * values (a list, a number) and on the contribution's row, late if after the internal deadline or escalated.
 * The form's own rules (allowed answers, lengths) and the recommended exemptions' regime are checked before this
 * (casefile.FormContractCheck, assessment.OfferedExemptions). Named unitAnswer in the model: an expression
 * ${contributionAnswer} would resolve to the form's variable of that name, not to this bean.
 */
@Component("unitAnswer")
public class ContributionAnswer implements TaskListener {

  static final String PROVIDED = "PROVIDED";
  static final String HANDED_BACK = "HANDED_BACK";

  private final ContributionRecords records;
  private final CaseClock clock;

  public ContributionAnswer(ContributionRecords records, CaseClock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String answer = file.text(CONTRIBUTION_ANSWER);
    String whatHeld = blankAsNull(file.text(WHAT_HELD));
    String suggestion = blankAsNull(file.text(SUGGESTED_UNIT));
    Double hours = null;
    Map<String, String> problems = new LinkedHashMap<>();
    if (answer == null || answer.isBlank()) {
      problems.put(CONTRIBUTION_ANSWER.key(), "is required: say whether your unit holds the information");
    } else if (!PROVIDED.equals(answer) && !HANDED_BACK.equals(answer)) {
      problems.put(CONTRIBUTION_ANSWER.key(), "must be " + PROVIDED + " or " + HANDED_BACK);
    }
    if (PROVIDED.equals(answer)) {
      if (whatHeld == null) {
        problems.put(WHAT_HELD.key(), "is required when your unit provides the information");
      }
      Object given = file.value(HOURS_SPENT);
      hours = number(given);
      if (given == null || given.toString().isBlank()) {
        problems.put(HOURS_SPENT.key(), "is required when your unit provides the information (0 if none)");
      } else if (hours == null || !Double.isFinite(hours) || hours < 0) {
        problems.put(HOURS_SPENT.key(), "must be a number of hours, 0 or more");
      }
    }
    if (HANDED_BACK.equals(answer) && suggestion == null) {
      problems.put(SUGGESTED_UNIT.key(), "is required when handing back: say who you think holds the information");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
    List<String> exemptions = PROVIDED.equals(answer) ? file.codes(RECOMMENDED_EXEMPTIONS) : List.of();
    // plain values for the gateway, the summary and history: Tasklist sends a checklist as JSON
    file.put(RECOMMENDED_EXEMPTIONS, new ArrayList<>(exemptions));
    file.put(HOURS_SPENT, hours);
    LocalDate dueOn = file.date(CONTRIBUTION_DUE_ON);
    records.answered(file.text(CONTRIBUTION_ID), new ContributionRecords.Answer(answer, TaskActor.of(task),
        PROVIDED.equals(answer) ? whatHeld : null, exemptions, hours, HANDED_BACK.equals(answer) ? suggestion : null),
        dueOn != null && clock.today().isAfter(dueOn));
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    String text = value instanceof SpinJsonNode json ? (json.isNumber() ? json.numberValue().toString()
        : json.isString() ? json.stringValue() : json.toString()) : value == null ? null : value.toString();
    try {
      return text == null ? null : Double.valueOf(text.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
