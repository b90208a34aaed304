package org.foiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link FoiRequestProcessTest}, inherited as they stand, on a real PostgreSQL server
 * with the postgres profile (the test profile still turns the job executor off: the scenarios drive jobs).
 */
@ActiveProfiles({"postgres", "test", "demo"})
@Import(EmbeddedPostgresDatabase.class)
class FoiRequestProcessOnPostgresTest extends FoiRequestProcessTest {

  @Autowired
  DataSource dataSource;

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
}
