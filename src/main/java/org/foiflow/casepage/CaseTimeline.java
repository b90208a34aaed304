package org.foiflow.casepage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
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
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (activity.getActivityName() == null || !SHOWN.contains(activity.getActivityType())
          || DEADLINE_WATCH.contains(activity.getActivityId())) {
        continue;
      }
      HistoricTaskInstance task = tasks.get(activity.getId());
      entries.add(task != null ? taskEntry(activity, task, instance.getBusinessKey())
          : entry(activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime(),
              activity.getActivityName(), null, activity.isCanceled() ? "Cancelled" : null));
    }
    for (Comment comment : taskService.getProcessInstanceComments(instance.getId())) {
      entries.add(entry(comment.getTime(), "Comment", comment.getUserId(), comment.getFullMessage()));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  /** A task: when it was completed and by whom, or since when it has waited. */
  private static Entry taskEntry(HistoricActivityInstance activity, HistoricTaskInstance task, String reference) {
    // the task's own name says which exemption it was about; the case's reference is on the page already
    String name = task.getName() == null ? activity.getActivityName()
        : task.getName().replace(" – " + reference, "");
    if (task.getEndTime() == null) {
      return entry(task.getStartTime(), name, task.getAssignee(),
          task.getAssignee() == null ? "Waiting, unassigned" : "Waiting, with " + task.getAssignee());
    }
    boolean completed = "completed".equals(task.getDeleteReason());
    return entry(task.getEndTime(), name, task.getAssignee(), completed ? "Completed" : "Ended without completion");
  }

  private static Entry entry(Date at, String what, String who, String detail) {
    return new Entry(at, UkTimes.time(at), UkTimes.iso(at), what, who, detail);
  }
}
