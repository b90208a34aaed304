package org.foiflow.complaints;

import static org.foiflow.complaints.ComplaintVariable.APPEAL;
import static org.foiflow.complaints.ComplaintVariable.DECISION_NOTICE_ON;
import static org.foiflow.complaints.ComplaintVariable.DECISION_OUTCOME;
import static org.foiflow.complaints.ComplaintVariable.STEPS_COMPLETED_ON;
import static org.foiflow.complaints.ComplaintVariable.STEPS_DESCRIPTION;
import static org.foiflow.complaints.ComplaintVariable.STEPS_DUE_ON;
import static org.foiflow.complaints.ComplaintVariable.STEPS_ORDERED;
import static org.foiflow.complaints.ComplaintVariable.SUBMISSION_SENT_ON;
import static org.foiflow.complaints.ComplaintVariable.TRIBUNAL_OUTCOME;

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
        LocalDate sent = file.date(SUBMISSION_SENT_ON);
        records.responded(id, sent);
        caseClock.dateTasks(task.getExecution(), (sent != null ? sent : caseClock.today())
            .plusMonths(IcoComplaint.CHASE_DECISION_AFTER_MONTHS));
      }
      case "RecordDecisionNotice" -> {
        checkSteps(task, file);
        boolean steps = file.flag(STEPS_ORDERED);
        String appeal = file.text(APPEAL);
        records.decided(id, file.text(DECISION_OUTCOME), file.date(DECISION_NOTICE_ON), steps,
            steps ? file.date(STEPS_DUE_ON) : null, appeal);
        if (appeal != null && !"NONE".equals(appeal)) {
          caseClock.dateTasks(task.getExecution(), caseClock.today().plusMonths(IcoComplaint.CHASE_TRIBUNAL_AFTER_MONTHS));
        } else if (steps) {
          caseClock.dateTasks(task.getExecution(), file.date(STEPS_DUE_ON));
        }
      }
      case "RecordTribunalDecision" -> {
        checkSteps(task, file);
        boolean steps = file.flag(STEPS_ORDERED);
        records.appealDecided(id, file.text(TRIBUNAL_OUTCOME), steps, steps ? file.date(STEPS_DUE_ON) : null);
        if (steps) {
          caseClock.dateTasks(task.getExecution(), file.date(STEPS_DUE_ON));
        }
      }
      case "TakeOrderedSteps" -> records.stepsCompleted(id, file.date(STEPS_COMPLETED_ON));
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
    if (file.flag(STEPS_ORDERED)) {
      if (file.date(STEPS_DUE_ON) == null) {
        problems.put(STEPS_DUE_ON.key(), "the date the steps must be taken by is required");
      }
      if (file.text(STEPS_DESCRIPTION) == null || file.text(STEPS_DESCRIPTION).isBlank()) {
        problems.put(STEPS_DESCRIPTION.key(), "say which steps were ordered");
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
  }
}
