package org.foiflow.monitoring;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, tells the planner how many authorization rows grant reading and working on tasks. Every
 * Tasklist filter joins the user's authorizations with a bit test on PERMS_ that PostgreSQL cannot estimate
 * by itself: it guesses a handful of rows and compares every task with every one. With statistics on the
 * two bit tests it plans the join for what is there; at 100 000 open cases this turned the managers' and
 * approvers' filter counts from over 15 s into about a second (docs/benchmarks.md). H2 has no such thing.
 */
@Component
public class AuthorizationStatistics {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

  /** Permissions.READ (2) and TaskPermissions.READ_TASK / TASK_WORK bits the task queries test. */
  static final String[] STATEMENTS = {
      "CREATE STATISTICS IF NOT EXISTS foiflow_auth_read ON (perms_ & 2) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS foiflow_auth_work ON (perms_ & 64) FROM act_ru_authorization",
      "ANALYZE act_ru_authorization"
  };

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  public AuthorizationStatistics(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** Once the engine has created its tables; every node may run it, IF NOT EXISTS keeps it harmless. */
  @EventListener(ApplicationReadyEvent.class)
  public void afterStart() {
    String databaseType = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    if (!"postgres".equals(databaseType)) {
      return;
    }
    try {
      for (String statement : STATEMENTS) {
        jdbc.execute(statement);
      }
    } catch (RuntimeException notSupported) {
      // expression statistics need PostgreSQL 14; older servers only plan the filters less well
      log.warn("Planner statistics on act_ru_authorization not created: {}", notSupported.getMessage());
    }
  }
}
