package org.foiflow.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.springframework.stereotype.Component;

/**
 * Reads a case from the engine's history, which holds open and closed cases alike (and respects the
 * caller's Camunda authorizations: a case the user may not read is reported as unknown).
 */
@Component
public class RequestStatusQuery {

  private static final Set<String> SHOWN_AS_STAGE = Set.of("userTask", "eventBasedGateway", "serviceTask",
      "businessRuleTask");
  /** The deadline watch runs beside the case's work; its steps are not the case's stage. */
  private static final Set<String> DEADLINE_WATCH = Set.of("NextDeadlineMilestone", "CheckStatutoryClock",
      "DeadlineAtRisk", "DeadlineBreached");
  private static final String[] FIELDS = {"reference", "receivedOn", "dueOn", "clock", "clockPausedReason",
      "regime", "subject", "outcome", "respondedOn", "closedOn", "extensionKind", "extensionReason", "originalDueOn",
      "extensionExceedsGuidance", "extensionExemption"};

  private final HistoryService historyService;
  private final StatutoryClock statutoryClock;
  private final CaseClock caseClock;

  public RequestStatusQuery(HistoryService historyService, StatutoryClock statutoryClock, CaseClock caseClock) {
    this.historyService = historyService;
    this.statutoryClock = statutoryClock;
    this.caseClock = caseClock;
  }

  private static Map<String, String> extension(Map<String, String> values) {
    Map<String, String> extension = new java.util.LinkedHashMap<>();
    for (String[] field : new String[][] {{"extensionKind", "kind"}, {"extensionReason", "reason"},
        {"extensionExemption", "exemption"}, {"originalDueOn", "originalDueOn"},
        {"extensionExceedsGuidance", "exceedsGuidance"}}) {
      if (values.get(field[0]) != null) {
        extension.put(field[1], values.get(field[0]));
      }
    }
    return extension;
  }

  public Optional<RequestStatus> byReference(String reference) {
    List<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(FoiRequest.PROCESS_KEY)
        .processInstanceBusinessKey(reference)
        .list();
    return found.stream().findFirst().map(instance -> byProcessInstance(instance.getId()));
  }

  public RequestStatus byProcessInstance(String processInstanceId) {
    Map<String, String> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(FIELDS)
        .list().stream()
        // case-level values only: per-task copies live in child scopes
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(processInstanceId))
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> values.put(variable.getName(), String.valueOf(variable.getValue())));

    List<String> stage = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .unfinished()
        .orderByHistoricActivityInstanceStartTime().asc()
        .list().stream()
        .filter(activity -> activity.getActivityName() != null && SHOWN_AS_STAGE.contains(activity.getActivityType()))
        .filter(activity -> !DEADLINE_WATCH.contains(activity.getActivityId()))
        .map(HistoricActivityInstance::getActivityName)
        .distinct()
        .toList();

    String clock = values.get("clock");
    // the outcome is decided before approval but is the case's outcome only once it is closed
    boolean closed = values.get("closedOn") != null;
    Integer remaining = null;
    if (values.get("dueOn") != null && !CaseClock.STOPPED.equals(clock)) {
      remaining = statutoryClock.workingDaysRemaining(LocalDate.parse(values.get("dueOn")), caseClock.today());
    }
    return new RequestStatus(values.get("reference"), processInstanceId, stage, values.get("receivedOn"),
        values.get("dueOn"), remaining, clock, values.get("clockPausedReason"), values.get("regime"),
        values.get("subject"), closed ? values.get("outcome") : null, values.get("respondedOn"), extension(values));
  }
}
