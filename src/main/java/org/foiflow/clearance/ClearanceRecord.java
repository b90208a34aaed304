package org.foiflow.clearance;

import static org.foiflow.casefile.CaseVariable.APPROVAL_COMMENTS;
import static org.foiflow.casefile.CaseVariable.CLEARANCES;
import static org.foiflow.casefile.CaseVariable.CLEARANCE_COMMENTS;
import static org.foiflow.casefile.CaseVariable.CLEARANCE_DECISION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.foiflow.clock.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Files each clearance in "clearances": when a press office or senior clearance task is created, the stage and
 * when it was asked; when it is completed, the decision, its comments, who decided and when. The decision is
 * checked here, inside the engine, whatever door the completion came through: comments are required unless the
 * clearer approves, and a refusal names the field (400). Amendments asked for reach the officer who revises the
 * draft as the comments to answer ("Press office: ...").
 */
@Component("clearanceRecord")
public class ClearanceRecord implements TaskListener {

  static final List<String> DECISIONS = List.of("APPROVE", "REQUEST_AMENDS", "SEND_BACK");

  private final CaseClock clock;

  public ClearanceRecord(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    ClearanceStage stage = ClearanceStage.ofTask(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("clearanceRecord on a task that is no clearance: "
            + task.getTaskDefinitionKey()));
    CaseFile file = CaseFile.of(task.getExecution().getProcessInstance());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      asked(file, stage);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      decided(task, file, stage);
    }
  }

  private void asked(CaseFile file, ClearanceStage stage) {
    // the form opens empty: an earlier clearer's choice is not this one's
    file.remove(CLEARANCE_DECISION);
    file.remove(CLEARANCE_COMMENTS);
    List<Map<String, Object>> clearances = Clearances.of(file);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(Clearances.STAGE, stage.name());
    entry.put(Clearances.ASKED_AT, now());
    clearances.add(entry);
    file.put(CLEARANCES, clearances);
  }

  private void decided(DelegateTask task, CaseFile file, ClearanceStage stage) {
    String decision = blankAsNull(CaseFile.of(task).text(CLEARANCE_DECISION));
    String comments = blankAsNull(CaseFile.of(task).text(CLEARANCE_COMMENTS));
    Map<String, String> problems = new LinkedHashMap<>();
    if (decision == null) {
      problems.put(CLEARANCE_DECISION.key(), "is required");
    } else if (!DECISIONS.contains(decision)) {
      problems.put(CLEARANCE_DECISION.key(), "'" + decision + "' is not one of " + String.join(", ", DECISIONS));
    } else if (comments == null && !"APPROVE".equals(decision)) {
      problems.put(CLEARANCE_COMMENTS.key(), "is required when you ask for amendments or send the case back");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
    List<Map<String, Object>> clearances = Clearances.of(file);
    Map<String, Object> entry = openEntry(clearances, stage);
    entry.put(Clearances.DECIDED_AT, now());
    entry.put(Clearances.DECIDED_BY, TaskActor.of(task));
    entry.put(Clearances.DECISION, decision);
    entry.put(Clearances.COMMENTS, comments);
    file.put(CLEARANCES, clearances);
    if ("REQUEST_AMENDS".equals(decision)) {
      file.put(APPROVAL_COMMENTS, stage.commentsPrefix() + ": " + comments);
    }
  }

  /** This stage's entry still waiting for a decision (added when the task was created), or a new one. */
  private static Map<String, Object> openEntry(List<Map<String, Object>> clearances, ClearanceStage stage) {
    for (int i = clearances.size() - 1; i >= 0; i--) {
      Map<String, Object> entry = clearances.get(i);
      if (stage.name().equals(entry.get(Clearances.STAGE)) && entry.get(Clearances.DECIDED_AT) == null) {
        return entry;
      }
    }
    // a task created before this listener filed its asking (a case migrated onto this model)
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(Clearances.STAGE, stage.name());
    clearances.add(entry);
    return entry;
  }

  private String now() {
    return clock.now().toString();
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
