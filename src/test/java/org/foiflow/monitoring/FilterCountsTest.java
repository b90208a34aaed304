package org.foiflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every Tasklist filter's count, as each kind of user, is the number of tasks the engine's own query lists for
 * that user (FilterService.list: the engine's SQL with its per-task authorization check), after each kind of task
 * change; and the FOI filters' counts are the ones answered from indexes ({@link FilterCounts}), so the comparison
 * is not the engine with itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FilterCountsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What Tasklist posts with a filter's page of tasks (its search, empty, and its sorting). */
  private static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";

  @LocalServerPort
  int port;

  /** Users of every FOI group, a business-unit member (no rights over FOI tasks) and one given a single task. */
  private static final List<String> USERS = List.of("olivia", "amira", "maya", "priya", "seth", "hugo");

  /** Rows of the group table that differ from what the engine's tables say (either way). */
  private static final String GROUP_ROWS_NOT_KEPT = "(TABLE foiflow_group_task EXCEPT " + CandidateGroupTasks.COPY_SELECT
      + ") UNION ALL (" + CandidateGroupTasks.COPY_SELECT + " EXCEPT TABLE foiflow_group_task)";

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  FilterCounts counts;

  /** A user of two FOI groups, whose filters match some tasks twice. */
  @BeforeEach
  void dualUser() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("dual").count() == 0) {
      identity.saveUser(identity.newUser("dual"));
      identity.createMembership("dual", "foi-officers");
      identity.createMembership("dual", "foi-approvers");
    }
  }

  @AfterEach
  void noDualUser() {
    engine.getIdentityService().deleteUser("dual");
  }

  @Test
  void everyFilterCountIsWhatTheEngineListsAfterEveryKindOfTaskChange() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    long before = FilterCounts.countedFromIndexes("olivia");
    long beforeByGroupRows = FilterCounts.countedFromGroupRows("dual");
    countsAgree("before");

    FoiCase overdue = FoiCase.logged(engine, FoiCase.aRequest("Counted Overdue", today.minusDays(40)));
    FoiCase soon = FoiCase.logged(engine, FoiCase.aRequest("Counted Soon", today.minusDays(24)));
    FoiCase fresh = FoiCase.logged(engine, FoiCase.aRequest("Counted Fresh", today));
    countsAgree("created");

    Task triage = overdue.task("Triage");
    overdue.as(FoiCase.OFFICER, () -> engine.getTaskService().claim(triage.getId(), FoiCase.OFFICER));
    countsAgree("claimed");

    soon.validAndHeld();
    countsAgree("completed (the next task created)");

    fresh.validAndHeld().located().assessed("WITHHOLD", "s31").harmShown("WOULD_BE_LIKELY")
        .publicInterestBalanced("WITHHOLD");
    countsAgree("at approval");

    Task locate = soon.task("LocateInformation");
    locate.setDueDate(Date.from(today.minusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
    engine.getTaskService().saveTask(locate);
    countsAgree("due date moved");

    // a single task given to a user with no rights over FOI tasks: counted by the engine's own query
    Authorization oneTask = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    oneTask.setUserId("hugo");
    oneTask.setResource(Resources.TASK);
    oneTask.setResourceId(fresh.task("ApproveResponse").getId());
    oneTask.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(oneTask);
    try {
      countsAgree("one task granted");
    } finally {
      engine.getAuthorizationService().deleteAuthorization(oneTask.getId());
    }

    locate = soon.task("LocateInformation");
    locate.setFollowUpDate(Date.from(today.minusDays(2).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
    engine.getTaskService().saveTask(locate);
    engine.getTaskService().setAssignee(locate.getId(), "oscar");
    countsAgree("follow-up date moved and a task given to someone");

    // a task with two of a user's groups is counted once; the same group twice, then taken off once
    String approval = fresh.task("ApproveResponse").getId();
    engine.getTaskService().addCandidateGroup(approval, "foi-managers");
    engine.getTaskService().addCandidateGroup(locate.getId(), "foi-approvers");
    engine.getTaskService().addCandidateGroup(locate.getId(), "foi-officers");
    countsAgree("a second candidate group, and one group twice", "dual");
    engine.getTaskService().deleteCandidateGroup(approval, "foi-managers");
    engine.getTaskService().deleteCandidateGroup(locate.getId(), "foi-approvers");
    countsAgree("the second candidate group taken off", "dual");

    engine.getRuntimeService().deleteProcessInstance(overdue.instance().getId(), "cancelled by the requester");
    countsAgree("case cancelled (its tasks deleted)");

    Task loose = engine.getTaskService().newTask();
    loose.setName("A task of no process");
    engine.getTaskService().saveTask(loose);
    engine.getTaskService().addCandidateGroup(loose.getId(), "foi-officers");
    countsAgree("a task of no process");
    engine.getTaskService().deleteTask(loose.getId(), true);
    engine.getRuntimeService().deleteProcessInstance(soon.instance().getId(), "test over");
    engine.getRuntimeService().deleteProcessInstance(fresh.instance().getId(), "test over");
    countsAgree("deleted");

    assertThat(FilterCounts.countedFromIndexes("olivia") - before).as("counts answered from indexes").isPositive();
    assertThat(FilterCounts.countedFromGroupRows("dual") > beforeByGroupRows).as("counted from the rows kept per group")
        .isEqualTo(counts.readsGroupRows());
  }

  @Test
  void tasklistAndTheRestApiGetTheCountsAnsweredFromIndexes() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Counted Through Tasklist", today.minusDays(30)));
    try {
      StaffDoors doors = new StaffDoors(port, engine.getName());
      StaffDoors.Webapp tasklist = doors.signIntoTasklist("olivia");
      String[] filterIds = {filterId(TasklistFilters.MY_GROUP), filterId(TasklistFilters.OVERDUE),
          filterId(TasklistFilters.DUE_SOON)};
      for (String id : filterIds) {
        long[] listed = {0};
        FoiCase.actingAs(engine, "olivia", () -> listed[0] = engine.getFilterService().list(id).size());
        long before = FilterCounts.countedFromIndexes("olivia");
        assertThat(countOf(doors.engineRest("olivia", "GET", "/filter/" + id + "/count", null))).isEqualTo(listed[0]);
        assertThat(countOf(doors.engineRest("olivia", "POST", "/filter/" + id + "/count", "{}"))).isEqualTo(listed[0]);
        assertThat(countOf(tasklist.call("GET", "/filter/" + id + "/count", null))).isEqualTo(listed[0]);
        assertThat(countOf(tasklist.call("POST", "/filter/" + id + "/count", TASKLIST_PAGE))).isEqualTo(listed[0]);
        assertThat(FilterCounts.countedFromIndexes("olivia") - before).as("REST counts answered from indexes")
            .isEqualTo(4);
      }
      // the filter list Tasklist shows, each with its count
      StaffDoors.Answer filters = tasklist.call("GET", "/filter?resourceType=Task&itemCount=true", null);
      assertThat(filters.status()).isEqualTo(200);
      for (JsonNode filter : JSON.readTree(filters.body())) {
        long[] listed = {0};
        FoiCase.actingAs(engine, "olivia",
            () -> listed[0] = engine.getFilterService().list(filter.get("id").asText()).size());
        assertThat(filter.get("itemCount").asLong()).as(filter.get("name").asText()).isEqualTo(listed[0]);
      }
    } finally {
      engine.getRuntimeService().deleteProcessInstance(foi.instance().getId(), "test over");
    }
  }

  private String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  private static long countOf(StaffDoors.Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("count").asLong();
  }

  private void countsAgree(String after, String... moreUsers) {
    FilterService filters = engine.getFilterService();
    if (counts.readsGroupRows()) {
      assertThat(jdbc.queryForList(GROUP_ROWS_NOT_KEPT)).as("rows kept per group, after: %s", after).isEmpty();
    }
    for (String user : Stream.concat(USERS.stream(), Stream.of(moreUsers)).toList()) {
      FoiCase.actingAs(engine, user, () -> {
        for (Filter filter : filters.createFilterQuery().list()) {
          long listed = filters.list(filter.getId()).size();
          assertThat(filters.count(filter.getId()))
              .as("%s as %s, after: %s", filter.getName(), user, after).isEqualTo(listed);
        }
      });
    }
  }
}
