package org.foiflow.complaints;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Files each step of an ICO complaint as its task completes (our response, the decision notice, the
 * Tribunal's decision, the steps taken) and sets the date the next task is due; records the close when the
 * complaint ends. Steps ordered need what and by when; a refusal completes nothing.
 */
@Component("icoComplaintProgress")
public class ComplaintProgress implements TaskListener, ExecutionListener {

  private final ComplaintRecords records;
  private final CaseClock caseClock;

  public ComplaintProgress(ComplaintRecords records, CaseClock caseClock) {
    this.records = records;
    this.caseClock = caseClock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String id = task.getProcessInstanceId();
    switch (task.getTaskDefinitionKey()) {
      case "RespondToCommissioner" -> {
        LocalDate sent = file.date("submissionSentOn");
        records.responded(id, sent);
        caseClock.dateTasks(task.getExecution(), (sent != null ? sent : caseClock.today())
            .plusMonths(IcoComplaint.CHASE_DECISION_AFTER_MONTHS));
      }
      case "RecordDecisionNotice" -> {
        checkSteps(task, file);
        boolean steps = file.flag("stepsOrdered");
        String appeal = file.text("appeal");
        records.decided(id, file.text("decisionOutcome"), file.date("decisionNoticeOn"), steps,
            steps ? file.date("stepsDueOn") : null, appeal);
        if (appeal != null && !"NONE".equals(appeal)) {
          caseClock.dateTasks(task.getExecution(), caseClock.today().plusMonths(IcoComplaint.CHASE_TRIBUNAL_AFTER_MONTHS));
        } else if (steps) {
          caseClock.dateTasks(task.getExecution(), file.date("stepsDueOn"));
        }
      }
      case "RecordTribunalDecision" -> {
        checkSteps(task, file);
        boolean steps = file.flag("stepsOrdered");
        records.appealDecided(id, file.text("tribunalOutcome"), steps, steps ? file.date("stepsDueOn") : null);
        if (steps) {
          caseClock.dateTasks(task.getExecution(), file.date("stepsDueOn"));
        }
      }
      case "TakeOrderedSteps" -> records.stepsCompleted(id, file.date("stepsCompletedOn"));
      default -> {
      }
    }
  }

  /** The process's end: the complaint is closed. */
  @Override
  public void notify(DelegateExecution complaint) {
    records.closed(complaint.getProcessInstanceId(), caseClock.today());
  }

  private static void checkSteps(DelegateTask task, CaseFile file) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (file.flag("stepsOrdered")) {
      if (file.date("stepsDueOn") == null) {
        problems.put("stepsDueOn", "the date the steps must be taken by is required");
      }
      if (file.text("stepsDescription") == null || file.text("stepsDescription").isBlank()) {
        problems.put("stepsDescription", "say which steps were ordered");
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
  }
}
