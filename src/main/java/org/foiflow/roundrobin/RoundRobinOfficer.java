package org.foiflow.roundrobin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.UserTaskListenerPlugin;
import org.foiflow.security.FoiGroups;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One officer for a round robin: giving the set an officer gives them the open officer tasks (candidate group
 * foi-officers) of every open member, and each officer task created later in a member goes to them too (a create
 * listener on every user task: one indexed lookup by process instance). Approvals and clearances are other groups'
 * tasks and are never given to the set's officer, so the four-eyes rule (approval.FourEyesRule) is untouched.
 */
@Component
public class RoundRobinOfficer extends UserTaskListenerPlugin {

  private final JdbcTemplate jdbc;
  private final TaskService taskService;
  private final IdentityService identityService;

  public RoundRobinOfficer(JdbcTemplate jdbc, @Lazy TaskService taskService, @Lazy IdentityService identityService) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  protected void addListeners(TaskDefinition task) {
    task.addTaskListener(TaskListener.EVENTNAME_CREATE, this::giveToTheSetsOfficer);
  }

  private void giveToTheSetsOfficer(DelegateTask task) {
    if (task.getAssignee() != null || task.getCandidates().stream()
        .noneMatch(link -> FoiGroups.OFFICERS.equals(link.getGroupId()))) {
      return;
    }
    List<String> officer = jdbc.queryForList("SELECT r.officer FROM foi_case c JOIN foi_round_robin r"
        + " ON r.id = c.round_robin_id WHERE c.process_instance_id = ? AND r.officer IS NOT NULL", String.class,
        task.getProcessInstanceId());
    if (!officer.isEmpty()) {
      task.setAssignee(officer.get(0));
    }
  }

  /**
   * Gives the set to {@code officer}. {@code version}: the set's version the caller read (null: the current one);
   * another change since then answers 409 and changes nothing.
   */
  @Transactional
  public int assign(RoundRobins.RoundRobin set, String officer, Integer version) {
    if (officer == null || officer.isBlank()) {
      throw new InvalidRequestException(Map.of("officer", "name the FOI officer who handles this round robin"));
    }
    String who = officer.strip();
    if (!isOfficer(who)) {
      throw new InvalidRequestException(Map.of("officer", who + " is not an FOI officer (foi-officers)"));
    }
    int expected = version != null ? version : set.version();
    if (jdbc.update("UPDATE foi_round_robin SET officer = ?, version = version + 1 WHERE id = ? AND version = ?",
        who, set.id(), expected) == 0) {
      throw new CaseConflictException("The round robin " + set.id() + " was changed by someone else since it was"
          + " read: read it again and choose its officer again");
    }
    asTheSystem(() -> set.members().stream().filter(RoundRobins.Member::open).forEach(member -> {
      for (Task task : taskService.createTaskQuery().processInstanceId(member.processInstanceId())
          .taskCandidateGroup(FoiGroups.OFFICERS).includeAssignedTasks().list()) {
        if (!who.equals(task.getAssignee())) {
          taskService.setAssignee(task.getId(), who);
        }
      }
    }));
    return expected + 1;
  }

  /** The FOI officers a set may be given to: their names ("Olivia Okafor (olivia)") by user id, by last name. */
  public Map<String, String> officers() {
    Map<String, String> names = new LinkedHashMap<>();
    asTheSystem(() -> identityService.createUserQuery().memberOfGroup(FoiGroups.OFFICERS).orderByUserLastName().asc()
        .list().forEach(user -> names.put(user.getId(), (String.join(" ", Stream.of(user.getFirstName(),
            user.getLastName()).filter(part -> part != null && !part.isBlank()).toList()) + " (" + user.getId() + ")")
            .strip())));
    return names;
  }

  private boolean isOfficer(String user) {
    long[] found = new long[1];
    asTheSystem(() -> found[0] = identityService.createUserQuery().userId(user).memberOfGroup(FoiGroups.OFFICERS)
        .count());
    return found[0] > 0;
  }

  /** The set's rules, not the caller's task rights: a manager may give the set an officer without working tasks. */
  void asTheSystem(Runnable work) {
    org.camunda.bpm.engine.impl.identity.Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      work.run();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
