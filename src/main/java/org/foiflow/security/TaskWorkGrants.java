package org.foiflow.security;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * Who may work a task stays per task: the engine grants each task to its candidate group (and its assignee)
 * when it is created. Who may read tasks is granted once per process definition (READ_TASK, see
 * {@link FoiAuthorizations}), so the per-task grants carry no READ. That keeps the authorization rows every
 * task list query joins down to a handful per user, however many cases are open: with READ on every task's
 * grant, each Tasklist filter compared every task with every grant and took seconds at 100 000 open cases
 * (docs/benchmarks.md).
 */
@Component
public class TaskWorkGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new WorkNotRead());
  }

  static final class WorkNotRead extends DefaultAuthorizationProvider {
    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
      return Arrays.stream(super.getRuntimePermissions(enforceSpecificVariablePermission))
          .filter(permission -> permission != Permissions.READ && permission != TaskPermissions.READ_VARIABLE)
          .toArray(Permission[]::new);
    }
  }
}
