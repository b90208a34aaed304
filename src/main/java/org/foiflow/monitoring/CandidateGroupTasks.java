package org.foiflow.monitoring;

import java.util.List;
import org.foiflow.casefile.CaseDatabase;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, every open task once for each of its candidate groups, with the columns a Tasklist filter's count
 * reads ({@code foiflow_group_task}), kept by the database's own triggers on the engine's task and candidate-link
 * tables, so every route that changes a task keeps it (the engine, its REST API, Tasklist, SQL). A filter of the
 * user's groups is then counted by one index-only range scan of the group's rows ({@link FilterCounts}) instead of
 * a join of the group's candidate links with the process definition's tasks (docs/benchmarks.md, section 2).
 *
 * <p>Installed once the engine has made its tables, on every node (under an advisory lock, so two nodes starting
 * together do it one after the other). Creating the triggers locks both tables against writes until the
 * transaction ends, so the rows copied from the tables when the table is first made miss no change.
 */
@Component
public class CandidateGroupTasks {

  static final String TABLE = """
      CREATE TABLE IF NOT EXISTS foiflow_group_task (
        task_id_ varchar(64) NOT NULL,
        group_id_ varchar(255) NOT NULL,
        proc_def_id_ varchar(64),
        task_def_key_ varchar(255),
        due_date_ timestamp,
        follow_up_date_ timestamp,
        assignee_ varchar(255),
        tenant_id_ varchar(64),
        PRIMARY KEY (task_id_, group_id_))""";

  static final String COUNT_INDEX = "CREATE INDEX IF NOT EXISTS foiflow_group_task_count ON foiflow_group_task"
      + " (group_id_, proc_def_id_, due_date_) INCLUDE (follow_up_date_, task_def_key_, assignee_, tenant_id_, task_id_)";

  // a link's row goes when the last candidate link of that group to that task goes (the engine may hold two)
  static final String LINK_FUNCTION = """
      CREATE OR REPLACE FUNCTION foiflow_group_task_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.task_id_ IS NOT NULL AND OLD.group_id_ IS NOT NULL AND OLD.type_ = 'candidate'
            AND NOT EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = OLD.task_id_
              AND l.group_id_ = OLD.group_id_ AND l.type_ = 'candidate') THEN
          DELETE FROM foiflow_group_task WHERE task_id_ = OLD.task_id_ AND group_id_ = OLD.group_id_;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.task_id_ IS NOT NULL AND NEW.group_id_ IS NOT NULL AND NEW.type_ = 'candidate' THEN
          INSERT INTO foiflow_group_task
            SELECT t.id_, NEW.group_id_, t.proc_def_id_, t.task_def_key_, t.due_date_, t.follow_up_date_, t.assignee_,
              t.tenant_id_
            FROM act_ru_task t WHERE t.id_ = NEW.task_id_
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$""";

  static final String TASK_FUNCTION = """
      CREATE OR REPLACE FUNCTION foiflow_group_task_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM foiflow_group_task WHERE task_id_ = OLD.id_;
        ELSE
          UPDATE foiflow_group_task SET proc_def_id_ = NEW.proc_def_id_, task_def_key_ = NEW.task_def_key_,
              due_date_ = NEW.due_date_, follow_up_date_ = NEW.follow_up_date_, assignee_ = NEW.assignee_,
              tenant_id_ = NEW.tenant_id_
            WHERE task_id_ = NEW.id_;
        END IF;
        RETURN NULL;
      END $$""";

  static final List<String> TRIGGERS = List.of(
      "DROP TRIGGER IF EXISTS foiflow_group_task_link ON act_ru_identitylink",
      "CREATE TRIGGER foiflow_group_task_link AFTER INSERT OR UPDATE OR DELETE ON act_ru_identitylink"
          + " FOR EACH ROW EXECUTE FUNCTION foiflow_group_task_link()",
      "DROP TRIGGER IF EXISTS foiflow_group_task_task ON act_ru_task",
      // the engine writes every column of a task it changes: only a change of a counted one touches the rows
      "CREATE TRIGGER foiflow_group_task_task AFTER UPDATE ON act_ru_task FOR EACH ROW"
          + " WHEN ((OLD.proc_def_id_, OLD.task_def_key_, OLD.due_date_, OLD.follow_up_date_, OLD.assignee_,"
          + " OLD.tenant_id_) IS DISTINCT FROM (NEW.proc_def_id_, NEW.task_def_key_, NEW.due_date_,"
          + " NEW.follow_up_date_, NEW.assignee_, NEW.tenant_id_)) EXECUTE FUNCTION foiflow_group_task_task()",
      "DROP TRIGGER IF EXISTS foiflow_group_task_gone ON act_ru_task",
      "CREATE TRIGGER foiflow_group_task_gone AFTER DELETE ON act_ru_task FOR EACH ROW"
          + " EXECUTE FUNCTION foiflow_group_task_task()");

  static final String INSTALLED = "SELECT to_regclass('foiflow_group_task') IS NOT NULL AND (SELECT COUNT(*) FROM"
      + " pg_trigger WHERE tgname IN ('foiflow_group_task_link', 'foiflow_group_task_task', 'foiflow_group_task_gone')"
      + " AND NOT tgisinternal) = 3";

  /** The rows of the tasks already open, written in full when the table and its triggers are installed. */
  static final String COPY_SELECT = "SELECT DISTINCT t.id_, l.group_id_, t.proc_def_id_, t.task_def_key_,"
      + " t.due_date_, t.follow_up_date_, t.assignee_, t.tenant_id_"
      + " FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_"
      + " WHERE l.type_ = 'candidate' AND l.group_id_ IS NOT NULL";

  static final List<String> COPY = List.of("DELETE FROM foiflow_group_task",
      "INSERT INTO foiflow_group_task " + COPY_SELECT);

  private final JdbcTemplate jdbc;
  private final CaseDatabase database;
  private final TransactionTemplate transaction;
  private final FilterCounts counts;

  public CandidateGroupTasks(JdbcTemplate jdbc, CaseDatabase database, TransactionTemplate transaction,
      FilterCounts counts) {
    this.jdbc = jdbc;
    this.database = database;
    this.transaction = transaction;
    this.counts = counts;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void afterStart() {
    if (!database.isPostgres()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('foiflow_group_task'))", Object.class);
      boolean installed = Boolean.TRUE.equals(jdbc.queryForObject(INSTALLED, Boolean.class));
      jdbc.execute(LINK_FUNCTION);
      jdbc.execute(TASK_FUNCTION);
      if (!installed) {
        jdbc.execute(TABLE);
        jdbc.execute(COUNT_INDEX);
        TRIGGERS.forEach(jdbc::execute);
        // with the triggers made in this transaction no write can come between the copy and them
        COPY.forEach(jdbc::execute);
      }
    });
    // this node's counts may read the table once it and its triggers are in place
    counts.readGroupRows();
  }
}
