package org.foiflow.casefile;

import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;
import static org.foiflow.casefile.CaseVariable.CLOSED_ON;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Finds an FOI case by its reference in the engine's history, closed cases included, for the processes that
 * follow the response (review, ICO complaint, disclosure log). Inside the engine these run for the process,
 * not for the acting user, so they read without the user's authorizations.
 */
@Component
public class OriginalCases {

  /** The tasks whose people decided the case, besides those listed in "assessedBy". */
  static final Set<String> DECIDING_TASKS = Set.of("ApproveResponse", "QualifiedPersonOpinion");

  private final HistoryService historyService;
  private final RuntimeService runtimeService;

  public OriginalCases(HistoryService historyService, RuntimeService runtimeService) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
  }

  public Optional<OriginalCase> find(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    return asTheEngine(() -> read(reference.strip()));
  }

  private Optional<OriginalCase> read(String reference) {
    List<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(FoiRequest.PROCESS_KEY).processInstanceBusinessKey(reference).list();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = found.get(0);
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).disableBinaryFetching().list()) {
      boolean caseLevel = variable.getActivityInstanceId() == null
          || variable.getActivityInstanceId().equals(instance.getId());
      boolean file = ValueType.FILE.getName().equals(variable.getTypeName())
          || ValueType.BYTES.getName().equals(variable.getTypeName());
      if (caseLevel && !file && variable.getValue() != null) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    if (instance.getEndTime() == null && Context.getCommandContext() != null) {
      // the case may be closing in this very transaction (the disclosure log offer on its end event): its
      // runtime values, read through the engine's cache, are newer than what history has stored so far
      VariableMap current = runtimeService.getVariablesTyped(instance.getId(), true);
      for (String name : current.keySet()) {
        TypedValue value = current.getValueTyped(name);
        boolean file = value.getType() == ValueType.FILE || value.getType() == ValueType.BYTES;
        if (!file && current.get(name) != null) {
          values.put(name, current.get(name));
        }
      }
    }
    boolean closed = values.get(CLOSED_ON.key()) != null;
    return Optional.of(new OriginalCase(reference, instance.getId(), closed, values, participants(instance.getId(), values)));
  }

  /** assessedBy, and whoever was assigned or completed the approval and the s.36 opinion. */
  private List<String> participants(String processInstanceId, Map<String, Object> values) {
    Set<String> people = new LinkedHashSet<>(CaseFile.codes(values.get(ASSESSED_BY.key())));
    Set<String> decidingTaskIds = new HashSet<>();
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).finished().list()) {
      if (DECIDING_TASKS.contains(task.getTaskDefinitionKey())) {
        decidingTaskIds.add(task.getId());
        if (task.getAssignee() != null) {
          people.add(task.getAssignee());
        }
      }
    }
    // a task completed without being claimed has no assignee: the operation log names who completed it
    for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
        .processInstanceId(processInstanceId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (decidingTaskIds.contains(entry.getTaskId()) && entry.getUserId() != null) {
        people.add(entry.getUserId());
      }
    }
    return new ArrayList<>(people);
  }

  /** Runs the read as the engine (without the acting user's authorizations) when inside an engine command. */
  static <T> T asTheEngine(Callable<T> read) {
    if (Context.getCommandContext() != null) {
      return Context.getCommandContext().runWithoutAuthorization(read);
    }
    try {
      return read.call();
    } catch (RuntimeException failed) {
      throw failed;
    } catch (Exception failed) {
      throw new IllegalStateException(failed);
    }
  }
}
