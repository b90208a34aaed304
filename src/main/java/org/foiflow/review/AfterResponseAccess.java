package org.foiflow.review;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.foiflow.complaints.IcoComplaint;
import org.foiflow.disclosure.DisclosureLogEntry;
import org.foiflow.security.FoiAuthorizations;
import org.foiflow.security.FoiGroups;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the FOI groups may do with the processes that follow a response (internal review, ICO complaint,
 * disclosure log entry), granted at start-up (idempotent); they work them from the Tasklist filter
 * {@code TasklistFilters.AFTER_THE_RESPONSE}.
 * The groups read and work these processes' tasks by definition; each task is worked by its candidate group
 * only ({@code GroupTaskWork}), and a review never by the original decision makers ({@link ReviewerIndependence}).
 */
@Component
public class AfterResponseAccess {

  /** The processes that follow a response, by their keys. */
  public static final String[] PROCESSES = {InternalReview.PROCESS_KEY, IcoComplaint.PROCESS_KEY, DisclosureLogEntry.PROCESS_KEY};

  private final FoiAuthorizations authorizations;

  public AfterResponseAccess(FoiAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  public void grantOnStart(ApplicationStartedEvent started) {
    for (String process : PROCESSES) {
      // started by foiflow's endpoints (or the closing case), never directly by an end user
      authorizations.grant(FoiGroups.OFFICERS, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
          ProcessDefinitionPermissions.TASK_ASSIGN);
    }
    // approvers carry out reviews: they read the review, its tasks and its history, and work the tasks given to their group
    authorizations.grant(FoiGroups.APPROVERS, Resources.PROCESS_DEFINITION, InternalReview.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.TASK_ASSIGN);
  }
}
