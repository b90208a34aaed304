package org.foiflow.casepage;

import static org.foiflow.casefile.CaseVariable.APPROVAL_COMMENTS;
import static org.foiflow.casefile.CaseVariable.APPROVAL_DECISION;
import static org.foiflow.casefile.CaseVariable.RETURN_TO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * What happened on a case and who did it, from the engine's history (which keeps closed cases too): the request
 * logged, each task with the person who completed it, the steps foiflow took itself (letters, clock pauses and
 * restarts, extensions) and the comments staff added in Tasklist, oldest first.
 */
@Component
public class CaseTimeline {

  /** One line of the timeline. {@code who} is null for what foiflow did by itself. */
  public record Entry(Date at, String when, String iso, String what, String who, String detail) {
  }

  /** The kinds of step a reader follows; gateways and the like are how the model routes, not events of the case. */
  private static final Set<String> SHOWN = Set.of("userTask", "serviceTask", "sendTask", "businessRuleTask",
      "intermediateMessageCatch", "intermediateTimer", "boundaryTimer", "boundaryMessage", "messageStartEvent",
      "noneEndEvent");
  /** The deadline watch's own ticking runs beside the case all along; only its alerts (user tasks) are shown. */
  private static final Set<String> DEADLINE_WATCH = Set.of("NextDeadlineMilestone", "CheckStatutoryClock",
      "AtRiskHandled", "BreachHandled");

  private final HistoryService historyService;
  private final TaskService taskService;

  public CaseTimeline(HistoryService historyService, TaskService taskService) {
    this.historyService = historyService;
    this.taskService = taskService;
  }

  public List<Entry> of(HistoricProcessInstance instance) {
    List<Entry> entries = new ArrayList<>();
    entries.add(entry(instance.getStartTime(), "Request logged", instance.getStartUserId(), null));
    Map<String, HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).list().stream()
        .filter(task -> task.getActivityInstanceId() != null)
        .collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, Function.identity(), (a, b) -> a));
    Map<String, Map<String, Object>> answers = approvalAnswers(instance.getId());
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (activity.getActivityName() == null || !SHOWN.contains(activity.getActivityType())
          || DEADLINE_WATCH.contains(activity.getActivityId())) {
        continue;
      }
      HistoricTaskInstance task = tasks.get(activity.getId());
      entries.add(task != null ? taskEntry(activity, task, instance.getBusinessKey(),
          answers.getOrDefault(task.getId(), answers.get(activity.getId())))
          : entry(activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime(),
              activity.getActivityName(), null, activity.isCanceled() ? "Cancelled" : null));
    }
    for (Comment comment : taskService.getProcessInstanceComments(instance.getId())) {
      entries.add(entry(comment.getTime(), "Comment", comment.getUserId(), comment.getFullMessage()));
    }
    if (instance.getEndTime() != null) {
      entries.add(entry(instance.getEndTime(), "Case closed", null, null));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  /**
   * What each approval said, by task id and activity instance id: the case keeps only the latest decision and comments, but a draft may be
   * returned more than once, and the history of variable updates (history level full) keeps every one.
   */
  private Map<String, Map<String, Object>> approvalAnswers(String processInstanceId) {
    Set<String> asked = Set.of(APPROVAL_DECISION.key(), APPROVAL_COMMENTS.key(), RETURN_TO.key());
    Map<String, Map<String, Object>> byTask = new HashMap<>();
    // the answers are strings: the other updates' serialised values (JSON lists, maps) would be read one query each
    historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
        .variableTypeIn(ValueType.STRING.getName()).list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> asked.contains(update.getVariableName()) && update.getValue() != null)
        // filed under the task when the engine names it, and under the activity instance it was submitted in
        .forEach(update -> Stream.of(update.getTaskId(), update.getActivityInstanceId())
            .filter(Objects::nonNull)
            .forEach(key -> byTask.computeIfAbsent(key, task -> new HashMap<>())
                .put(update.getVariableName(), update.getValue())));
    return byTask;
  }

  /** An approval's decision in the form's words, with where it was returned and the approver's comments. */
  private static String approvalSaid(Map<String, Object> answers) {
    if (answers == null || answers.get(APPROVAL_DECISION.key()) == null) {
      return null;
    }
    CaseFile said = CaseFile.recorded(answers);
    String decision = CaseDecisions.label(CaseDecisions.APPROVALS, said.text(APPROVAL_DECISION));
    if ("RETURN".equals(said.text(APPROVAL_DECISION)) && said.text(RETURN_TO) != null) {
      decision += " (to " + CaseDecisions.label(CaseDecisions.RETURNS, said.text(RETURN_TO)).toLowerCase(Locale.UK) + ")";
    }
    String comments = said.text(APPROVAL_COMMENTS);
    return comments == null || comments.isBlank() ? decision : decision + ": " + comments;
  }

  /** A task: when it was completed and by whom, or since when it has waited. */
  private static Entry taskEntry(HistoricActivityInstance activity, HistoricTaskInstance task, String reference,
                                 Map<String, Object> answers) {
    // the task's own name says which exemption it was about; the case's reference is on the page already
    String name = task.getName() == null ? activity.getActivityName()
        : task.getName().replace(" – " + reference, "");
    if (task.getEndTime() == null) {
      return entry(task.getStartTime(), name, task.getAssignee(),
          task.getAssignee() == null ? "Waiting, unassigned" : "Waiting, with " + task.getAssignee());
    }
    boolean completed = "completed".equals(task.getDeleteReason());
    String said = approvalSaid(answers);
    return entry(task.getEndTime(), name, task.getAssignee(),
        !completed ? "Ended without completion" : said != null ? "Completed. " + said : "Completed");
  }

  private static Entry entry(Date at, String what, String who, String detail) {
    return new Entry(at, UkTimes.time(at), UkTimes.iso(at), what, who, detail);
  }
}
