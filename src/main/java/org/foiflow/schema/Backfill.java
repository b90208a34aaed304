package org.foiflow.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that fills what a new table or column needs for the cases logged before it (the search's
 * words, requester keys, similar requests' terms), as a bean so Spring Boot's Flyway set-up runs it in Flyway's
 * transaction and under its lock: with two nodes starting at once, one runs it and the other finds it done. It runs
 * before the engine starts, so a backfill reads the engine's history tables with plain SQL; a batch of cases at a
 * time, changing only rows not yet filled, so running it again changes nothing.
 */
public abstract class Backfill implements JavaMigration {

  /** Cases read at a time. */
  protected static final int BATCH = 500;

  private final MigrationVersion version;
  private final String description;

  protected Backfill(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  /** Fills the cases logged before the migration; answers how many it changed. */
  public abstract int backfill(Connection connection, LocalDate today) throws SQLException;

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    backfill(context.getConnection(), LocalDate.now(ZoneId.of("Europe/London")));
  }

  /** Whether the database has the table (the engine's history is absent on a database the engine never started). */
  protected static boolean hasTable(Connection connection, String name) throws SQLException {
    for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT))) {
      try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
          spelling, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
