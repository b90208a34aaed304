package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.monitoring.TasklistFilters;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The four Tasklist filters, asked the way Tasklist asks them (FilterService, as the logged-in user with
 * their groups and authorizations), over cases in different stages and with different due dates. Each
 * cell of the table below names the cases whose open task the user sees in that filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TasklistFiltersTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filterService;
  @Autowired
  IdentityService identityService;
  @Autowired
  CaseClock caseClock;
  @Autowired
  StatutoryClock statutoryClock;
  @Value("${foiflow.clock.follow-up-working-days:5}")
  int followUpWorkingDays;

  @Test
  void eachFilterShowsEachUserTheRightTasks() {
    LocalDate today = caseClock.today();
    Map<String, FoiCase> cases = new LinkedHashMap<>();
    // at Triage, received today; a colleague has claimed it
    cases.put("fresh", logged("Fresh Triage", today));
    cases.get("fresh").as("oscar", () -> engine.getTaskService().claim(cases.get("fresh").task("Triage").getId(), "oscar"));
    // at Triage, received 60 days ago: past the statutory deadline
    cases.put("late", logged("Late Triage", today.minusDays(60)));
    // at Locate, a few working days before its deadline
    cases.put("dueSoon", logged("Due Soon", receivedSoThatDueWithinFollowUpDays(today)).validAndHeld());
    // awaiting approval, assessed by olivia: she sees it waiting, the four-eyes rule keeps her from taking it
    cases.put("awaiting", logged("Awaiting Approval", today).validAndHeld().located().assessed("FULL"));
    // awaiting approval and overdue, assessed by oscar
    FoiCase lateApproval = logged("Late Approval", today.minusDays(60)).validAndHeld().located();
    lateApproval.complete("AssessExemptions", FoiCase.SECOND_OFFICER,
        Variables.createVariables().putValue("disclosureScope", "FULL").putValue("exemptions", List.of()));
    cases.put("lateApproval", lateApproval);
    // waiting on the requester: one for a clarification, one for a fee that oscar has taken
    cases.put("clarifying", logged("Clara Waiting", today).triagedAs(Map.of("clarificationNeeded", true,
        "clarificationQuestion", "Which years?")));
    FoiCase payingFee = logged("Fee Waiting", today).triagedAs(Map.of("feesPayable", true, "feePounds", 10,
        "feeDetails", "Copying"));
    payingFee.as("oscar", () -> engine.getTaskService().claim(payingFee.task("AwaitingFee").getId(), "oscar"));
    cases.put("payingFee", payingFee);
    // approved, with media interest: waiting for the press office's clearance
    cases.put("clearing", logged("Clearing Press", today).triagedAs(Map.of("mediaInterest", true)).located()
        .assessed("FULL").approved());

    assertThat(cases.get("lateApproval").task("ApproveResponse")).isNotNull();
    Map<String, String> caseOfInstance = cases.entrySet().stream()
        .collect(Collectors.toMap(entry -> entry.getValue().instance().getId(), Map.Entry::getKey));

    // filter -> user -> the cases whose task that user sees there
    Map<String, Map<String, Set<String>>> expected = Map.of(
        TasklistFilters.MY_GROUP, Map.of(
            "olivia", Set.of("fresh", "late", "dueSoon", "clarifying", "payingFee"),
            "amira", Set.of("awaiting", "lateApproval"),
            "priya", Set.of("clearing"),
            "seth", Set.of(),
            "maya", Set.of()),
        TasklistFilters.AWAITING_CLEARANCE, Map.of(
            "priya", Set.of("clearing"),
            "seth", Set.of("clearing"),
            "olivia", Set.of("clearing"),
            "maya", Set.of("clearing")),
        TasklistFilters.WAITING_ON_REQUESTER, Map.of(
            "olivia", Set.of("clarifying", "payingFee"),
            "oscar", Set.of("clarifying", "payingFee"),
            "maya", Set.of("clarifying", "payingFee")),
        TasklistFilters.DUE_SOON, Map.of(
            "olivia", Set.of("dueSoon"),
            "amira", Set.of(),
            "maya", Set.of()),
        TasklistFilters.OVERDUE, Map.of(
            "olivia", Set.of("late"),
            "amira", Set.of("lateApproval"),
            "maya", Set.of()),
        TasklistFilters.TEAM_OVERDUE, Map.of(
            "maya", Set.of("late", "lateApproval")),
        TasklistFilters.AWAITING_APPROVAL, Map.of(
            "olivia", Set.of("awaiting", "lateApproval"),
            "amira", Set.of("awaiting", "lateApproval"),
            "maya", Set.of("awaiting", "lateApproval")));

    Map<String, Map<String, Set<String>>> seen = new LinkedHashMap<>();
    for (String filterName : expected.keySet()) {
      Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
      assertThat(filter).as("filter \"%s\" exists", filterName).isNotNull();
      for (String user : expected.get(filterName).keySet()) {
        seen.computeIfAbsent(filterName, name -> new LinkedHashMap<>())
            .put(user, as(user, () -> {
              List<Task> tasks = filterService.list(filter.getId());
              assertThat(filterService.count(filter.getId())).as("%s's count of \"%s\"", user, filterName)
                  .isEqualTo(tasks.size());
              assertThat(tasks).as("\"%s\" is sorted by due date", filterName)
                  .isSortedAccordingTo(java.util.Comparator.comparing(Task::getDueDate,
                      java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
              return tasks.stream().map(task -> caseOfInstance.get(task.getProcessInstanceId()))
                  .filter(name -> name != null).collect(Collectors.toCollection(TreeSet::new));
            }));
      }
    }
    for (String filterName : expected.keySet()) {
      for (String user : expected.get(filterName).keySet()) {
        assertThat(seen.get(filterName).get(user)).as("%s sees in \"%s\"", user, filterName)
            .containsExactlyInAnyOrderElementsOf(expected.get(filterName).get(user));
      }
    }
  }

  @Test
  void everyFoiGroupMaySeeEveryFilter() {
    for (String user : List.of("olivia", "oscar", "amira", "arthur", "maya")) {
      List<String> names = as(user, () -> filterService.createFilterQuery().list().stream()
          .map(Filter::getName).toList());
      assertThat(names).as("%s's filters", user).contains(TasklistFilters.MY_GROUP, TasklistFilters.DUE_SOON,
          TasklistFilters.OVERDUE, TasklistFilters.AWAITING_APPROVAL);
      assertThat(names.contains(TasklistFilters.WAITING_ON_REQUESTER)).as("%s sees the cases waiting on the requester", user)
          .isEqualTo(List.of("olivia", "oscar", "maya").contains(user));
      assertThat(names.contains(TasklistFilters.TEAM_OVERDUE)).as("%s sees the whole team's overdue work", user)
          .isEqualTo(user.equals("maya"));
    }
    for (String clearer : List.of(FoiCase.PRESS_OFFICER, FoiCase.SENIOR_CLEARER)) {
      List<String> names = as(clearer, () -> filterService.createFilterQuery().list().stream()
          .map(Filter::getName).toList());
      assertThat(names).as("%s's filters", clearer).contains(TasklistFilters.MY_GROUP, TasklistFilters.DUE_SOON,
          TasklistFilters.OVERDUE, TasklistFilters.AWAITING_CLEARANCE)
          .doesNotContain(TasklistFilters.AWAITING_APPROVAL, TasklistFilters.WAITING_ON_REQUESTER);
    }
  }

  /** A receipt date whose statutory due date is still ahead but within the follow-up working days. */
  private LocalDate receivedSoThatDueWithinFollowUpDays(LocalDate today) {
    for (LocalDate received = today.minusDays(1); received.isAfter(today.minusDays(60)); received = received.minusDays(1)) {
      LocalDate due = statutoryClock.responseDue(received);
      if (due.isAfter(today) && !statutoryClock.followUp(due, followUpWorkingDays).isAfter(today)) {
        return received;
      }
    }
    throw new IllegalStateException("no receipt date puts the deadline within " + followUpWorkingDays + " working days");
  }

  private FoiCase logged(String requester, LocalDate receivedOn) {
    return FoiCase.logged(engine, FoiCase.aRequest(requester + " " + System.nanoTime(), receivedOn));
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
