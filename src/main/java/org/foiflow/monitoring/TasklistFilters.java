package org.foiflow.monitoring;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters FOI teams work from, created at start-up if missing and shared with the groups
 * that need them, all sorted by due date. "Due within 5 working days" uses the follow-up date, which the
 * statutory clock sets that many working days before the due date, so it counts working days exactly.
 */
@Component
public class TasklistFilters {

  public static final String MY_GROUP = "My group's FOI work";
  public static final String DUE_SOON = "Due within 5 working days";
  public static final String OVERDUE = "Overdue";
  public static final String AWAITING_APPROVAL = "Awaiting approval";
  public static final String AFTER_THE_RESPONSE = "Reviews, ICO complaints, disclosure log";

  private final FilterService filterService;
  private final TaskService taskService;
  private final FoiAuthorizations authorizations;

  public TasklistFilters(FilterService filterService, TaskService taskService, FoiAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  @EventListener
  public void createFilters(ApplicationStartedEvent started) {
    create(MY_GROUP, -10, "#1d3557", "Tasks for my groups, claimed or not, soonest due first",
        foiTasks().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);
    create(DUE_SOON, -5, "#b36b00", "Statutory deadline within 5 working days",
        foiTasks().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"),
        FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);
    create(OVERDUE, 0, "#b00020", "Past the statutory deadline",
        foiTasks().dueBeforeExpression("${now()}"),
        FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);
    create(AWAITING_APPROVAL, 5, "#2a7a2a", "Drafted responses waiting for an approver",
        foiTasks().taskDefinitionKey("ApproveResponse"),
        FoiGroups.APPROVERS, FoiGroups.MANAGERS, FoiGroups.OFFICERS);
    // the work that follows a response has its own processes; it is tracked here like the cases' work
    TaskQuery afterResponse = taskService.createTaskQuery()
        .processDefinitionKeyIn("internal-review", "ico-complaint", "disclosure-log-entry")
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    afterResponse.orderByDueDate().asc();
    create(AFTER_THE_RESPONSE, 10, "#5a3d8a", "Internal reviews, ICO complaints and disclosure log entries for my groups",
        afterResponse, FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);
  }

  private TaskQuery foiTasks() {
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey("foi-request");
    query.orderByDueDate().asc();
    return query;
  }

  private void create(String name, int priority, String color, String description, TaskQuery query, String... groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name)
          .setQuery(query)
          .setProperties(Map.of("priority", priority, "color", color, "description", description,
              "refresh", true));
      filterService.saveFilter(filter);
    }
    for (String group : groups) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
