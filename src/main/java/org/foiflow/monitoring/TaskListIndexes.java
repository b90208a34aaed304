package org.foiflow.monitoring;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables for the queries behind the Tasklist filters, created once the engine has
 * made its tables (every node may run this: IF NOT EXISTS keeps it harmless). Measured at 100 000 open cases
 * in docs/benchmarks.md.
 * <ul>
 * <li>Tasks by due date, on every database: each filter lists the soonest due first, and with this index a
 * page is read in order instead of sorting every task the user may see. The engine sorts by due date and
 * then by every column (its queries are DISTINCT), and many cases share a due date; with the revision and
 * id after it, the order of the index is the order of the page.</li>
 * <li>PostgreSQL only: the few authorization rows that grant reading (READ on a task, READ_TASK on a process
 * definition), the rows every task query joins. Without it PostgreSQL reads every per-task grant to find
 * them, and it cannot estimate the PERMS_ bit tests, hence the planner statistics.</li>
 * </ul>
 */
@Component
public class TaskListIndexes {

  private static final Logger log = LoggerFactory.getLogger(TaskListIndexes.class);

  static final List<String> EVERY_DATABASE = List.of(
      "DROP INDEX IF EXISTS foiflow_task_due",
      "CREATE INDEX IF NOT EXISTS foiflow_task_due_order ON act_ru_task (due_date_, rev_, id_)");

  /** Permissions.READ (2) and ProcessDefinitionPermissions.READ_TASK (64): the bits the task queries test. */
  static final List<String> POSTGRES = List.of(
      "CREATE INDEX IF NOT EXISTS foiflow_auth_reads ON act_ru_authorization (resource_type_, resource_id_)"
          + " WHERE (perms_ & 2) = 2 OR (perms_ & 64) = 64",
      "CREATE STATISTICS IF NOT EXISTS foiflow_auth_read ON (perms_ & 2) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS foiflow_auth_work ON (perms_ & 64) FROM act_ru_authorization",
      "ANALYZE act_ru_authorization");

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  public TaskListIndexes(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void afterStart() {
    EVERY_DATABASE.forEach(jdbc::execute);
    String databaseType = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    if (!"postgres".equals(databaseType)) {
      return;
    }
    try {
      POSTGRES.forEach(jdbc::execute);
    } catch (RuntimeException notSupported) {
      // expression statistics need PostgreSQL 14; older servers only plan the filters less well
      log.warn("Task list indexes on act_ru_authorization not all created: {}", notSupported.getMessage());
    }
  }
}
