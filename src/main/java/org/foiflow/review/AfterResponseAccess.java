package org.foiflow.review;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the FOI groups may do with the processes that follow a response (internal review, ICO complaint,
 * disclosure log entry), granted at start-up (idempotent), and the Tasklist filter they work them from.
 * Nobody gets a definition-wide right to work tasks: review tasks are worked by their candidate group
 * only, so the engine's per-task REVOKE for the original decision makers always holds.
 */
@Component
public class AfterResponseAccess {

  public static final String FILTER = "Reviews, complaints and disclosure log";
  static final String[] PROCESSES = {InternalReview.PROCESS_KEY, "ico-complaint", "disclosure-log-entry"};

  private final FoiAuthorizations authorizations;
  private final FilterService filterService;
  private final TaskService taskService;

  public AfterResponseAccess(FoiAuthorizations authorizations, FilterService filterService, TaskService taskService) {
    this.authorizations = authorizations;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    for (String process : PROCESSES) {
      authorizations.grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK);
    }
    // approvers carry out reviews: they read the review and its history, and work the tasks given to their group
    authorizations.grant(FoiGroups.APPROVERS, Resources.PROCESS_DEFINITION, InternalReview.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);

    Filter filter = filterService.createFilterQuery().filterName(FILTER).singleResult();
    if (filter == null) {
      TaskQuery query = taskService.createTaskQuery().processDefinitionKeyIn(PROCESSES);
      query.orderByDueDate().asc();
      filter = filterService.newTaskFilter(FILTER).setQuery(query).setProperties(Map.of("priority", 10,
          "color", "#5a3d8a", "description", "Internal reviews, ICO complaints and disclosure log entries, soonest due first",
          "refresh", true));
      filterService.saveFilter(filter);
    }
    for (String group : new String[] {FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS}) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
