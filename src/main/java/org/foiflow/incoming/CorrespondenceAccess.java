package org.foiflow.incoming;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What FOI officers may do with incoming-correspondence, granted at start-up (idempotent): read its instances, tasks
 * and history, and claim, hand over and complete "Sort correspondence" and "New correspondence" (Tasklist filter
 * {@code TasklistFilters.SORT_CORRESPONDENCE}). They may not start it: only the mailbox does, when it files a message.
 * Managers read it, as every process; approvers have no part in it.
 */
@Component
public class CorrespondenceAccess {

  private final FoiAuthorizations authorizations;

  public CorrespondenceAccess(FoiAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    authorizations.grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, IncomingCorrespondence.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
  }
}
