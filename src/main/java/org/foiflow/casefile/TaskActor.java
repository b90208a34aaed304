package org.foiflow.casefile;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who a task listener's event is about, for the rules that remember or refuse people (four eyes, reviews). */
public final class TaskActor {

  private TaskActor() {
  }

  /**
   * The user a task is being given to, on assignment; otherwise the logged-in user acting on it or, failing
   * that (the Java API, the engine's own steps), its assignee.
   */
  public static String of(DelegateTask task) {
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return task.getAssignee();
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }
}
