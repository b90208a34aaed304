package org.foiflow.schema;

import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The schema migration on H2 file databases, as the embedded default runs (./data/foiflow), one per test. */
class FlywayMigrationTest extends SchemaMigrationScenarios {

  @TempDir
  Path databases;

  @Override
  DataSource newDatabase() {
    JdbcDataSource database = new JdbcDataSource();
    // no pool: the file is closed with the last connection, so the temporary directory can go
    database.setURL("jdbc:h2:file:" + databases.resolve("foiflow-" + UUID.randomUUID()));
    database.setUser("sa");
    return database;
  }
}
