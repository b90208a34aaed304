package org.foiflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Grants the FOI groups what their work needs, and nothing more, whenever the engine starts (idempotent).
 * Officers start and work cases; approvers read cases and work approval tasks; managers read everything.
 * The FOI groups read the tasks of the processes they read (READ_TASK on the definition); working a task is
 * granted per task to its candidate group by the engine when the task is created ({@link TaskWorkGrants}).
 * Anyone else, even with a login, sees no case and no requester's personal data.
 */
@Component
public class FoiAuthorizations {

  private static final String FOI_PROCESSES = "foi-request";

  private final AuthorizationService authorizations;

  public FoiAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    for (String group : new String[] {FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS}) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }
    grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, FOI_PROCESSES, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(FoiGroups.OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.UPDATE);
    grant(FoiGroups.APPROVERS, Resources.PROCESS_DEFINITION, FOI_PROCESSES, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
    grant(FoiGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(FoiGroups.MANAGERS, Resources.TASK, ANY, TaskPermissions.READ);
    grant(FoiGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    withdrawPerTaskReadGrants();
  }

  /**
   * Databases written before reads were granted per definition hold a READ grant for every open task and
   * REVOKEs for four eyes; the definition grants cover the reads, the task listeners the four-eyes rule,
   * and the old rows would only slow every task list down until their tasks end.
   */
  private void withdrawPerTaskReadGrants() {
    for (Authorization revoke : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).list()) {
      authorizations.deleteAuthorization(revoke.getId());
    }
    for (Authorization perTask : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.READ).list()) {
      if (!ANY.equals(perTask.getResourceId())) {
        perTask.removePermission(Permissions.READ);
        perTask.removePermission(TaskPermissions.READ_VARIABLE);
        authorizations.saveAuthorization(perTask);
      }
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if there is none. */
  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
