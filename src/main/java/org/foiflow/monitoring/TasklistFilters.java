package org.foiflow.monitoring;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.correspondence.LettersByPost;
import org.foiflow.incoming.IncomingCorrespondence;
import org.foiflow.review.AfterResponseAccess;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters FOI teams work from, created at start-up (their criteria brought up to date if they
 * exist) and shared with the groups that need them, all sorted by due date. The groups may read every task
 * of a case, so the working filters list the tasks of the user's own groups; managers have one over the
 * whole team's overdue work. "Due within 5 working days" uses the follow-up date, which the
 * statutory clock sets that many working days before the due date, so it counts working days exactly.
 */
@Component
public class TasklistFilters {

  public static final String MY_GROUP = "My group's FOI work";
  public static final String DUE_SOON = "Due within 5 working days";
  public static final String OVERDUE = "Overdue";
  public static final String TEAM_OVERDUE = "Overdue: whole team";
  public static final String AWAITING_APPROVAL = "Awaiting approval";
  public static final String AWAITING_CLEARANCE = "Awaiting clearance";
  public static final String WAITING_ON_REQUESTER = "Waiting on the requester";
  public static final String AFTER_THE_RESPONSE = "Reviews, ICO complaints, disclosure log";
  public static final String LETTERS_TO_POST = "Letters to post";
  public static final String SORT_CORRESPONDENCE = "Sort correspondence";

  /** The model's waiting tasks ("Awaiting clarification", "Awaiting fee"). */
  static final String[] WAITING_TASKS = {"AwaitingClarification", "AwaitingFee"};
  /** The model's clearance tasks ("Press office clearance", "Senior clearance"). */
  static final String[] CLEARANCE_TASKS = {"PressOfficeClearance", "SeniorClearance"};

  /** The groups that work FOI cases' tasks, each seeing its own in the working filters. */
  private static final String[] WORKING_GROUPS = {FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS,
      FoiGroups.PRESS_OFFICE, FoiGroups.SENIOR_CLEARANCE};

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
        myGroups(foiTasks()), WORKING_GROUPS);
    create(DUE_SOON, -5, "#b36b00", "My groups' tasks with the statutory deadline within 5 working days",
        myGroups(foiTasks().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")), WORKING_GROUPS);
    create(OVERDUE, 0, "#b00020", "My groups' tasks past the statutory deadline",
        myGroups(foiTasks().dueBeforeExpression("${now()}")), WORKING_GROUPS);
    create(TEAM_OVERDUE, 1, "#7a0016", "Every FOI task past the statutory deadline, whoever works it",
        foiTasks().dueBeforeExpression("${now()}"), FoiGroups.MANAGERS);
    create(AWAITING_APPROVAL, 5, "#2a7a2a", "Drafted responses waiting for an approver",
        foiTasks().taskDefinitionKey("ApproveResponse"),
        FoiGroups.APPROVERS, FoiGroups.MANAGERS, FoiGroups.OFFICERS);
    // approved responses the clearance-route table sent to the press office or a senior officer: both groups see
    // both stages, so each knows what is coming and what the other has still to clear
    create(AWAITING_CLEARANCE, 6, "#8a5a00", "Approved responses waiting for press office or senior clearance",
        foiTasks().taskDefinitionKeyIn(CLEARANCE_TASKS),
        FoiGroups.PRESS_OFFICE, FoiGroups.SENIOR_CLEARANCE, FoiGroups.MANAGERS, FoiGroups.OFFICERS);
    // Cases whose clock is stopped until the requester clarifies, pays or withdraws: every one, so managers see the
    // team's too. They stay in "My group's FOI work" (recording the answer is officers' work), due the day they
    // lapse, so sorted after live cases; their follow-up a week before brings them into "Due within 5 working days"
    // as the reminder to chase.
    create(WAITING_ON_REQUESTER, 3, "#4a6b82",
        "Cases waiting on the requester for a clarification or a fee: record the answer, or chase before they lapse",
        foiTasks().taskDefinitionKeyIn(WAITING_TASKS), FoiGroups.OFFICERS, FoiGroups.MANAGERS);
    // the work that follows a response has its own processes; it is tracked here like the cases' work
    TaskQuery afterResponse = myGroups(taskService.createTaskQuery()
        .processDefinitionKeyIn(AfterResponseAccess.PROCESSES));
    afterResponse.orderByDueDate().asc();
    create(AFTER_THE_RESPONSE, 10, "#5a3d8a", "Internal reviews, ICO complaints and disclosure log entries for my groups",
        afterResponse, FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS);
    // letters that could not go by email: printing and posting them is the officers' work, due the next working day
    TaskQuery lettersToPost = myGroups(taskService.createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY));
    lettersToPost.orderByDueDate().asc();
    create(LETTERS_TO_POST, 3, "#3d5a80", "Letters that could not be emailed: print, post and record the date posted",
        lettersToPost, FoiGroups.OFFICERS, FoiGroups.MANAGERS);
    // the FOI mailbox's messages: the holding pen (Sort correspondence) and messages filed to cases that wait for
    // nothing (New correspondence), both the officers' to read, due in 2 working days
    TaskQuery correspondence = myGroups(taskService.createTaskQuery()
        .processDefinitionKey(IncomingCorrespondence.PROCESS_KEY));
    correspondence.orderByDueDate().asc();
    create(SORT_CORRESPONDENCE, 2, "#6b4a2a", "Emails to the FOI mailbox to sort: log as a request, file to a case,"
        + " or say what a requester's message is", correspondence, FoiGroups.OFFICERS, FoiGroups.MANAGERS);
    removeDuplicateFilter();
  }

  private TaskQuery foiTasks() {
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(FoiRequest.PROCESS_KEY);
    query.orderByDueDate().asc();
    return query;
  }

  /** A filter of the same tasks that an earlier version created beside this class's. */
  private void removeDuplicateFilter() {
    Filter old = filterService.createFilterQuery().filterName("Reviews, complaints and disclosure log").singleResult();
    if (old != null) {
      filterService.deleteFilter(old.getId());
    }
  }

  private static TaskQuery myGroups(TaskQuery query) {
    return query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private void create(String name, int priority, String color, String description, TaskQuery query, String... groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filterService.saveFilter(filter.setQuery(query).setProperties(Map.of("priority", priority, "color", color,
        "description", description, "refresh", true)));
    for (String group : groups) {
      authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
