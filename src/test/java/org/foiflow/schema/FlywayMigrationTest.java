package org.foiflow.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The schema migration on H2 file databases, as the embedded default runs (./data/foiflow), one per test. */
class FlywayMigrationTest extends SchemaMigrationScenarios {

  @TempDir
  Path databases;

  private final List<DataSource> opened = new ArrayList<>();

  @Override
  DataSource newDatabase() {
    JdbcDataSource database = new JdbcDataSource();
    // Kept open between the test's connections: H2 closing the file with the last connection while the next one
    // opens it can show a half-closed database (a table "not found"). Shut down after the test instead.
    database.setURL("jdbc:h2:file:" + databases.resolve("foiflow-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    opened.add(database);
    return database;
  }

  /** Closes the files, so the temporary directory can go. */
  @AfterEach
  void shutDown() throws SQLException {
    for (DataSource database : opened) {
      try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    }
  }
}
