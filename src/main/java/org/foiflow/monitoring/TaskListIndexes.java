package org.foiflow.monitoring;

import java.util.List;
import org.foiflow.casefile.CaseDatabase;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's task table for the queries behind the Tasklist filters, created once the engine
 * has made its tables (every node may run this: IF NOT EXISTS keeps it harmless). Measured at 100 000 open
 * cases in docs/benchmarks.md.
 * <ul>
 * <li>By due date: each filter lists the soonest due first, and with this index a page is read in order
 * instead of sorting every task the user may see. The engine sorts by due date and then by every column
 * (its queries are DISTINCT), and many cases share a due date; with the revision and id after it, the order
 * of the index is the order of the page.</li>
 * <li>By task definition key: the filters of one kind of task ("Awaiting approval").</li>
 * <li>On PostgreSQL, for the counts: see {@link #POSTGRES}.</li>
 * </ul>
 */
@Component
public class TaskListIndexes {

  static final List<String> EVERY_DATABASE = List.of(
      "CREATE INDEX IF NOT EXISTS foiflow_task_due_order ON act_ru_task (due_date_, rev_, id_)",
      "CREATE INDEX IF NOT EXISTS foiflow_task_key ON act_ru_task (task_def_key_)");

  /**
   * Planner statistics an earlier version kept for per-task grants, which foiflow no longer writes; and the
   * indexes that answer the filters' counts ({@link FilterCounts}) without reading a task's row: the tasks of a
   * process definition with every column a count's criteria name, and each group's candidate links with their
   * task. Both are read by index-only scans (what autovacuum's visibility map allows).
   */
  static final List<String> POSTGRES = List.of(
      "DROP STATISTICS IF EXISTS foiflow_auth_read",
      "DROP STATISTICS IF EXISTS foiflow_auth_work",
      "CREATE INDEX IF NOT EXISTS foiflow_task_count ON act_ru_task (proc_def_id_, due_date_)"
          + " INCLUDE (follow_up_date_, task_def_key_, tenant_id_, assignee_, id_)",
      "CREATE INDEX IF NOT EXISTS foiflow_candidate_group_tasks ON act_ru_identitylink (group_id_, type_, task_id_)");

  private final JdbcTemplate jdbc;
  private final CaseDatabase database;

  public TaskListIndexes(JdbcTemplate jdbc, CaseDatabase database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void afterStart() {
    EVERY_DATABASE.forEach(jdbc::execute);
    if (database.isPostgres()) {
      POSTGRES.forEach(jdbc::execute);
    }
  }
}
