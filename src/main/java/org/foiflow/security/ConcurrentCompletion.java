package org.foiflow.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Two people complete the same task at the same moment (on two nodes, or two tabs). Usually the loser's flush
 * fails Camunda's optimistic lock and it is told of the conflict. But when the winner's completion ended the
 * case (the response issued, the instance gone) after the loser read the task and before it read the task's
 * execution tree, the engine finds no process instance and fails with a NullPointerException inside
 * {@link ExecutionEntity}: the same conflict, met earlier. It is reported as the conflict it is (409, "changed by
 * someone else at the same moment"), not as a server error; nothing was saved either way.
 */
@Component
public class ConcurrentCompletion extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (NullPointerException vanished) {
          if (!inExecutionTree(vanished)) {
            throw vanished;
          }
          OptimisticLockingException conflict = new OptimisticLockingException(
              "the case changed under this command: another completion ended its execution first");
          conflict.initCause(vanished);
          throw conflict;
        }
      }
    });
  }

  private static boolean inExecutionTree(NullPointerException failure) {
    StackTraceElement[] where = failure.getStackTrace();
    return where.length > 0 && ExecutionEntity.class.getName().equals(where[0].getClassName());
  }
}
