package org.foiflow.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  /** Runs the action, whose rules the caller has checked, in one transaction. */
  public <T> T act(Supplier<T> action) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
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
