package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;

/**
 * The race TwoNodesOnOnePostgresTest meets now and then (two approvers complete one task; the winner's completion
 * ends the case between the loser's reads): the engine's NullPointerException in its execution tree is told as the
 * conflict it is, which every API answers 409. Any other failure passes unchanged.
 */
class ConcurrentCompletionTest {

  private final CommandInterceptor interceptor = installed();

  private static CommandInterceptor installed() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    new ConcurrentCompletion().preInit(configuration);
    return configuration.getCustomPreCommandInterceptorsTxRequired().get(0);
  }

  private void failingWith(RuntimeException failure) {
    interceptor.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        throw failure;
      }
    });
  }

  @Test
  void anExecutionTreeGoneUnderACompletionIsAConflict() {
    NullPointerException vanished = new NullPointerException("processInstance is null");
    vanished.setStackTrace(new StackTraceElement[] {new StackTraceElement(ExecutionEntity.class.getName(),
        "ensureExecutionTreeInitialized", "ExecutionEntity.java", 1319)});
    failingWith(vanished);

    assertThatThrownBy(() -> interceptor.execute(context -> null)).isInstanceOf(OptimisticLockingException.class)
        .hasCause(vanished);
  }

  @Test
  void anyOtherFailurePassesUnchanged() {
    NullPointerException elsewhere = new NullPointerException("a defect of ours");
    failingWith(elsewhere);
    assertThatThrownBy(() -> interceptor.execute(context -> null)).isSameAs(elsewhere);

    IllegalStateException other = new IllegalStateException("refused");
    failingWith(other);
    assertThatThrownBy(() -> interceptor.execute(context -> null)).isSameAs(other);
  }

  @Test
  void aCommandThatSucceedsIsUntouched() {
    interceptor.setNext(new CommandInterceptor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T execute(Command<T> command) {
        return (T) "done";
      }
    });
    Command<String> anyCommand = context -> "ignored";
    String answer = interceptor.execute(anyCommand);
    assertThat(answer).isEqualTo("done");
  }
}
