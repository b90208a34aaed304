package org.foiflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;

/**
 * The race TwoNodesOnOnePostgresTest meets now and then (two approvers complete one task; the winner's completion
 * ends the case between the loser's reads): the engine's NullPointerException in its execution tree is told as the
 * conflict it is, which every API answers 409, as is any failure of a completion whose task another completion has
 * meanwhile committed. Any other failure passes unchanged.
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
  void anyFailureOfACompletionWhoseTaskWasCompletedMeanwhileIsAConflict() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("concurrent-completion");
    configuration.setJdbcUrl("jdbc:h2:mem:concurrent-completion;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new ConcurrentCompletion());
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("one-task.bpmn",
          Bpmn.createExecutableProcess("oneTask").camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent()
              .done()).deploy();
      String completedByTheWinner = taskOf(engine, engine.getRuntimeService().startProcessInstanceByKey("oneTask").getId());
      String stillOpen = taskOf(engine, engine.getRuntimeService().startProcessInstanceByKey("oneTask").getId());
      engine.getTaskService().complete(completedByTheWinner);

      // the loser's command, which read the task before the winner committed, fails on what vanished
      CommandInterceptor interceptor = configuration.getCustomPreCommandInterceptorsTxRequired().get(0);
      CommandInterceptor engineChain = (CommandInterceptor) interceptor.getNext();
      IllegalStateException vanishedVariables = new IllegalStateException("null value in column \"letter_id\"");
      interceptor.setNext(new CommandInterceptor() {
        @Override
        public <T> T execute(Command<T> command) {
          throw vanishedVariables;
        }
      });

      assertThatThrownBy(() -> interceptor.execute(new CompleteTaskCmd(completedByTheWinner, null)))
          .isInstanceOf(OptimisticLockingException.class).hasCause(vanishedVariables);
      assertThatThrownBy(() -> interceptor.execute(new CompleteTaskCmd(stillOpen, null))).isSameAs(vanishedVariables);
      // a task gone before the command began is not found, as ever (404), not a conflict
      NullValueException notFound = new NullValueException("Cannot find task with id " + completedByTheWinner
          + ": task is null");
      interceptor.setNext(new CommandInterceptor() {
        @Override
        public <T> T execute(Command<T> command) {
          throw notFound;
        }
      });
      assertThatThrownBy(() -> interceptor.execute(new CompleteTaskCmd(completedByTheWinner, null))).isSameAs(notFound);
      interceptor.setNext(engineChain); // the engine runs commands of its own as it closes
    } finally {
      engine.close();
    }
  }

  private static String taskOf(ProcessEngine engine, String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
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
