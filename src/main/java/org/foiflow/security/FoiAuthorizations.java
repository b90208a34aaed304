package org.foiflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.foiflow.casefile.FoiRequest;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Grants the FOI groups what their work needs, and nothing more, whenever the engine starts (idempotent).
 * Officers start and work cases; approvers read cases and reviews and work their tasks; managers read everything.
 * Task rights are held per process definition, never per task: the groups read the tasks of the processes
 * they read and may work them (READ_TASK, TASK_WORK, TASK_ASSIGN), and {@link GroupTaskWork} keeps each task
 * to its candidate group.
 * Anyone else, even with a login, sees no case and no requester's personal data.
 */
@Component
public class FoiAuthorizations {

  private final AuthorizationService authorizations;

  public FoiAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    for (String group : new String[] {FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS,
        FoiGroups.PRESS_OFFICE, FoiGroups.SENIOR_CLEARANCE}) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    // every instance of every process, with its variables: not approvers, who read the processes they work (per
    // definition, READ_INSTANCE), so the FOI mailbox's unsorted messages (anyone's personal data) are not theirs
    grant(FoiGroups.OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(FoiGroups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    withdraw(FoiGroups.APPROVERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    // officers log requests: the one process an end user starts through the engine, at its start event
    grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, FoiRequest.PROCESS_KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
    grant(FoiGroups.OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(FoiGroups.APPROVERS, Resources.PROCESS_DEFINITION, FoiRequest.PROCESS_KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.TASK_ASSIGN);
    // the clearers read the cases they clear and work their tasks as approvers do (no instance of another process,
    // so not the mailbox's unsorted messages); GroupTaskWork keeps each of them to their own clearance task
    for (String clearers : new String[] {FoiGroups.PRESS_OFFICE, FoiGroups.SENIOR_CLEARANCE}) {
      grant(clearers, Resources.PROCESS_DEFINITION, FoiRequest.PROCESS_KEY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
          ProcessDefinitionPermissions.TASK_ASSIGN);
    }
    grant(FoiGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(FoiGroups.MANAGERS, Resources.TASK, ANY, TaskPermissions.READ);
    // the deadline watch's alerts, the only FOI tasks given to managers
    grant(FoiGroups.MANAGERS, Resources.PROCESS_DEFINITION, FoiRequest.PROCESS_KEY, ProcessDefinitionPermissions.TASK_WORK);
    grant(FoiGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    withdrawGrantsPerTask();
    withdrawEngineWrites();
  }

  /** What end users never hold: changing a case other than through its tasks is for administrators. */
  private static final Permission[] ENGINE_WRITES = {
      ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
      ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
      ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
      ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
      ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE, ProcessInstancePermissions.RETRY_JOB,
      ProcessInstancePermissions.SUSPEND, ProcessInstancePermissions.UPDATE_VARIABLE,
      TaskPermissions.UPDATE, TaskPermissions.DELETE, TaskPermissions.UPDATE_VARIABLE};

  /**
   * Databases written by earlier versions granted the FOI groups process instance updates (modification,
   * variables, messages, suspension) and starts of the processes that follow a response; foiflow's endpoints
   * now do those after applying their rules ({@link OnBehalfOfUser}), so the old grants are taken back.
   */
  private void withdrawEngineWrites() {
    for (Authorization granted : authorizations.createAuthorizationQuery()
        .groupIdIn(FoiGroups.OFFICERS, FoiGroups.APPROVERS, FoiGroups.MANAGERS, FoiGroups.PRESS_OFFICE,
            FoiGroups.SENIOR_CLEARANCE).list()) {
      boolean changed = false;
      for (Permission write : ENGINE_WRITES) {
        boolean ofThisResource = java.util.Arrays.stream(write.getTypes())
            .anyMatch(type -> type.resourceType() == granted.getResourceType());
        if (ofThisResource && granted.isPermissionGranted(write)) {
          granted.removePermission(write);
          changed = true;
        }
      }
      if (granted.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
          && !FoiRequest.PROCESS_KEY.equals(granted.getResourceId())
          && granted.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
        granted.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        changed = true;
      }
      if (changed) {
        authorizations.saveAuthorization(granted);
      }
    }
  }

  /**
   * Databases written by earlier versions hold a grant for every open task and REVOKEs for four eyes; the
   * definition grants and the task rules now cover them, and the old rows would only slow every task list
   * down until their tasks end.
   */
  private void withdrawGrantsPerTask() {
    for (Authorization perTask : authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list()) {
      // a business unit's grant on its own task is how its members work it (GroupTaskWork), not a leftover
      boolean unitsTask = perTask.getGroupId() != null && perTask.getGroupId().startsWith(FoiGroups.BUSINESS_UNIT_PREFIX);
      if (!ANY.equals(perTask.getResourceId()) && !unitsTask) {
        authorizations.deleteAuthorization(perTask.getId());
      }
    }
  }

  /** Takes the permission out of the group's grant on the resource (a database written by an earlier version). */
  private void withdraw(String group, Resource resource, String resourceId, Permission permission) {
    Authorization granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (granted != null && granted.isPermissionGranted(permission)) {
      granted.removePermission(permission);
      authorizations.saveAuthorization(granted);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if there is none. */
  /**
   * FOI officers work a process that foiflow itself starts (letter-by-post, incoming-correspondence): they read its
   * instances, tasks and history, and claim, hand over and complete its tasks; they may not start it.
   */
  public void officersWork(String processKey) {
    grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, processKey,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
  }

  /** Every grant and revoke given to a group that is going away (the engine's deleteGroup keeps them). */
  public void revokeAll(String group) {
    for (Authorization given : authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
      authorizations.deleteAuthorization(given.getId());
    }
  }

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
