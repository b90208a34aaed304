package org.foiflow.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.casefile.UserTaskListenerPlugin;
import org.springframework.stereotype.Component;

/**
 * Who works which task. The FOI groups hold their task rights once per process definition (READ_TASK,
 * TASK_WORK: {@link FoiAuthorizations}), so the engine writes no authorization row per task: its default
 * would grant every task to its candidate group and assignee, and every task list query would then join
 * one row per open task (seconds per Tasklist filter at 100 000 open cases, docs/benchmarks.md). Within the
 * team, this rule keeps each task to its candidates: whoever claims, is given or completes a task must be in
 * one of its candidate groups (or be a candidate user), checked inside the engine's command whoever calls,
 * and refused with a 403 through the REST API; the refusal rolls the command back.
 */
@Component
public class GroupTaskWork extends UserTaskListenerPlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    configuration.setResourceAuthorizationProvider(new NoGrantsPerTask());
  }

  @Override
  protected void addListeners(TaskDefinition task) {
    // built in, so they run before the model's own listeners (four eyes, case participants)
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::checkAssignee);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::checkCompleter);
  }

  private void checkAssignee(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee != null && !isCandidate(task, assignee, groupsOf(task, assignee))) {
      throw refusal(task, assignee);
    }
  }

  private void checkCompleter(DelegateTask task) {
    Authentication acting = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (acting == null || acting.getUserId() == null || acting.getUserId().equals(task.getAssignee())) {
      return; // the engine's own steps, or the assignee, who was checked when given the task
    }
    if (!isCandidate(task, acting.getUserId(), groupsOf(task, acting.getUserId()))) {
      throw refusal(task, acting.getUserId());
    }
  }

  private static boolean isCandidate(DelegateTask task, String user, List<String> groups) {
    Set<IdentityLink> candidates = task.getCandidates();
    if (candidates.isEmpty()) {
      return true;
    }
    return candidates.stream().anyMatch(link -> user.equals(link.getUserId()) || groups.contains(link.getGroupId()));
  }

  /** The user's groups: as logged in when they act themselves (a claim), else from the identity service. */
  private static List<String> groupsOf(DelegateTask task, String user) {
    Authentication acting = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (acting != null && user.equals(acting.getUserId()) && acting.getGroupIds() != null) {
      return acting.getGroupIds();
    }
    // the acting user may not read the identity of colleagues; the rule is the engine's, not theirs
    return Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration()
        .getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
  }

  private static AuthorizationException refusal(DelegateTask task, String user) {
    String candidates = task.getCandidates().stream()
        .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
        .sorted().collect(Collectors.joining(", "));
    return new AuthorizationException("The task '" + task.getName() + "' is worked by " + candidates + "; " + user
        + " is not one of them.");
  }

  /**
   * The engine's default provider without its per-task grants; process definition grants cover tasks. The one
   * exception is a business unit's task: its members hold no right on the process (they must not read every task
   * and case), so the unit's group is granted that task alone (read it, claim and complete it), and the engine
   * deletes the grant with the task. Few tasks go to units, so the rows stay few.
   */
  static final class NoGrantsPerTask extends DefaultAuthorizationProvider {
    /** Where the default grants a task to a candidate group, candidate user, assignee or owner. */
    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      if (groupId != null && groupId.startsWith(FoiGroups.BUSINESS_UNIT_PREFIX)) {
        return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false,
            Permissions.READ, TaskPermissions.TASK_WORK)};
      }
      return null;
    }
  }
}
