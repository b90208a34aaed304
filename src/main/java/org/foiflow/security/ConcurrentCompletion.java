package org.foiflow.security;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Two people complete the same task at the same moment (on two nodes, or two tabs). Usually the loser's flush
 * fails Camunda's optimistic lock and it is told of the conflict. But when the winner's completion ends the case
 * (the response issued, the instance and its variables gone) between the loser's reads, the loser meets the
 * conflict earlier and in another shape: a NullPointerException inside {@link ExecutionEntity} (no process
 * instance any more), or a step of the case run on variables that have vanished (a letter with no reference,
 * refused by the database's NOT NULL). Whatever a task completion fails with, if the task has meanwhile been
 * completed by a committed transaction, the failure is that conflict: it is reported as one (409, "changed by
 * someone else at the same moment"), not as a server error; nothing of the loser's was saved either way.
 */
@Component
public class ConcurrentCompletion extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.install(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException | NotFoundException answeredAlready) {
          // a conflict already, or the task was gone before this command began: told as it is (409, 404)
          throw answeredAlready;
        } catch (RuntimeException failed) {
          if (failed instanceof NullValueException missing && String.valueOf(missing.getMessage())
              .contains("Cannot find task")) {
            throw missing; // the engine's own "not found" for a task gone before this command began (404)
          }
          boolean vanishedExecution = failed instanceof NullPointerException npe && inExecutionTree(npe);
          if (!vanishedExecution && !completedMeanwhile(configuration, command)) {
            throw failed;
          }
          OptimisticLockingException conflict = new OptimisticLockingException(
              "the case changed under this command: another completion of the same task committed first");
          conflict.initCause(failed);
          throw conflict;
        }
      }
    });
  }

  private static boolean inExecutionTree(NullPointerException failure) {
    StackTraceElement[] where = failure.getStackTrace();
    return where.length > 0 && ExecutionEntity.class.getName().equals(where[0].getClassName());
  }

  /**
   * Whether the command completes a task that committed data no longer holds. Read on a connection of its own:
   * this command's connection sees its own (failed) transaction, and on PostgreSQL refuses any further query.
   */
  private static boolean completedMeanwhile(ProcessEngineConfigurationImpl configuration, Command<?> command) {
    String taskId = taskOf(command);
    if (taskId == null) {
      return false;
    }
    DataSource dataSource = configuration.getDataSource();
    // Spring's transaction-aware proxy would hand back this transaction's connection
    while (dataSource instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
      dataSource = delegating.getTargetDataSource();
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection own = dataSource.getConnection();
         PreparedStatement query = own.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ID_ = ?")) {
      own.setAutoCommit(true);
      query.setString(1, taskId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getInt(1) == 0;
      }
    } catch (SQLException unknown) {
      return false; // cannot tell: the original failure stands
    }
  }

  /** The task a completion command completes (the engine keeps it in a protected field), or null. */
  private static String taskOf(Command<?> command) {
    Class<?> kind = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class
        : command instanceof SubmitTaskFormCmd ? SubmitTaskFormCmd.class : null;
    if (kind == null) {
      return null;
    }
    try {
      Field taskId = kind.getDeclaredField("taskId");
      taskId.setAccessible(true);
      return (String) taskId.get(command);
    } catch (ReflectiveOperationException | RuntimeException notThere) {
      return null;
    }
  }
}
