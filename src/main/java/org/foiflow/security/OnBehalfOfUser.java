package org.foiflow.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How foiflow's own endpoints carry out a business action for a signed-in user once they have applied the
 * action's rules: record a clarification or a fee, extend a deadline, open a review, a complaint or a disclosure
 * log entry. The engine's API refuses these writes to end users ({@link EndUserBoundary}); here they run as one
 * engine command without the user's authorization checks, still under the user's name (the history and the
 * case's participants record who did it).
 */
@Component
public class OnBehalfOfUser {

  private final ObjectProvider<ProcessEngine> engine;

  public OnBehalfOfUser(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /**
   * Runs the action, whose rules the caller has checked, in one transaction. Called from outside the engine (an
   * endpoint), the signed-in user must be an FOI officer (or an administrator): these are officers' actions.
   * Inside the engine (a case closing offers its release for the log) it is the process's own step.
   */
  public <T> T act(Supplier<T> action) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    if (Context.getCommandContext() == null) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (user == null || !(groups.contains(FoiGroups.OFFICERS) || configuration.getAdminUsers().contains(user.getUserId())
          || groups.stream().anyMatch(configuration.getAdminGroups()::contains))) {
        throw new AuthorizationException((user == null ? "Nobody signed in" : user.getUserId())
            + " may not do this: it is an FOI officer's action.");
      }
    }
    return configuration.getCommandExecutorTxRequired().execute(new RuleCheckedAction<>(action));
  }

  public void act(Runnable action) {
    act(() -> {
      action.run();
      return null;
    });
  }

  /** An endpoint's action; being foiflow's own command, {@link EndUserBoundary} lets it and what it calls through. */
  private record RuleCheckedAction<T>(Supplier<T> action) implements Command<T> {
    @Override
    public T execute(CommandContext commandContext) {
      return commandContext.runWithoutAuthorization(action::get);
    }
  }
}
