package org.foiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.foiflow.disclosure.DisclosureLog;
import org.foiflow.monitoring.DeadlineView;
import org.foiflow.reporting.Statistics;
import org.foiflow.reporting.StatisticsQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link FoiRequestProcessTest}, inherited as they stand, on a real PostgreSQL server
 * with the postgres profile (the test profile still turns the job executor off: the scenarios drive jobs).
 */
// Not inherited: merged with the superclass's {"test", "demo"} the order would be test, demo, postgres, and the
// postgres profile, last, would switch on the job executor, which then races the test for the same jobs.
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class FoiRequestProcessOnPostgresTest extends FoiRequestProcessTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  StatisticsQuery statistics;
  @Autowired
  DeadlineView deadlines;
  @Autowired
  DisclosureLog disclosureLog;

  @Test
  void theEngineAndTheCaseIndexAreOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Pat Postgres", java.time.LocalDate.of(2026, 11, 2)));
    Integer indexed = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
        "SELECT COUNT(*) FROM foi_case WHERE reference = ?", Integer.class, foi.reference());
    assertThat(indexed).isEqualTo(1);
  }

  @Test
  void taskListPagesAreReadInOrderOffTheirIndex() throws Exception {
    String plan;
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      // a first page in the order the engine asks for: soonest due, then its DISTINCT's columns
      var rows = statement.executeQuery("EXPLAIN SELECT DISTINCT RES.REV_, RES.ID_, RES.NAME_, RES.DUE_DATE_"
          + " FROM act_ru_task RES ORDER BY RES.DUE_DATE_ ASC, RES.REV_, RES.ID_, RES.NAME_ LIMIT 15");
      StringBuilder lines = new StringBuilder();
      while (rows.next()) {
        lines.append(rows.getString(1)).append('\n');
      }
      statement.execute("RESET enable_seqscan");
      plan = lines.toString();
    }
    assertThat(plan).contains("foiflow_task_due_order");
  }

  @Test
  void theStatisticsDeadlineAndDisclosureLogQueriesRunOnPostgres() {
    LocalDate received = LocalDate.of(2026, 11, 3);
    FoiCase.logged(engine, FoiCase.aRequest("Quinn Query", received)).validAndHeld().located().assessed("WITHHOLD", "s31")
        .harmShown("WOULD").publicInterestBalanced("WITHHOLD").approved();
    Statistics day = statistics.between(received, received);
    assertThat(day.requests().received()).isEqualTo(1);
    assertThat(day.requests().answered()).isEqualTo(1);
    assertThat(day.outcomes()).containsEntry("WITHHELD_IN_FULL", 1L);

    FoiCase open = FoiCase.logged(engine, FoiCase.aRequest("Olive Open", received));
    DeadlineView.Page page = deadlines.open(null, DeadlineView.Sort.dueOn, false, 0, 500);
    assertThat(page.cases()).extracting(DeadlineView.Row::reference).contains(open.reference());
    assertThat(page.total()).isEqualTo(page.counts().values().stream().mapToLong(Long::longValue).sum());

    // nothing of these cases was offered for publication: the search (LIKE ... ESCAPE, LIMIT) finds none
    assertThat(disclosureLog.search("cctv policy", received, received, 0, 10).entries()).isEmpty();
  }
}
