package org.foiflow.schema;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Brings foiflow's own tables (db/migration/V1__..., V2__...) up to date at start, before the engine starts
 * (EngineAfterSchemaMigration); the engine's ACT_* tables are left to the engine's own schema-update.
 * <p>
 * Flyway alone cannot tell the two databases that have no flyway_schema_history apart: a database made by
 * the releases before Flyway (their schema.sql made exactly V1's tables) must be baselined at 1, so that V1 is
 * not run over its tables; a new one must get V1. Both may already hold the engine's tables, so "the schema is
 * not empty" (Flyway's baseline-on-migrate) says nothing. Hence this look at foiflow's own tables first.
 */
@Component
public class FoiflowSchemaMigration implements FlywayMigrationStrategy {

  private static final Logger log = LoggerFactory.getLogger(FoiflowSchemaMigration.class);

  /** The tables V1 makes, which the schema.sql of the releases before Flyway made too. */
  static final List<String> V1_TABLES = List.of("foi_reference_counter", "foi_case", "foi_case_report",
      "foi_case_exemption", "foi_review", "foi_ico_complaint", "foi_disclosure_log", "foi_letter_dispatch");

  /** What the last schema.sql changed (an added column, a replaced index): a database without it is older. */
  static final String LAST_PRE_FLYWAY_COLUMN = "intake_fingerprint";
  static final String LAST_PRE_FLYWAY_INDEX = "foi_case_open_by_due_reference";

  @Override
  public void migrate(Flyway flyway) {
    Configuration configuration = flyway.getConfiguration();
    DatabaseTables tables = DatabaseTables.read(configuration);
    if (tables.has(configuration.getTable())) {
      flyway.migrate();
      return;
    }
    List<String> ours = V1_TABLES.stream().filter(tables::has).toList();
    if (ours.isEmpty()) {
      // A new database for foiflow. Its schema may hold the engine's tables already (or another application's):
      // Flyway refuses a non-empty schema without its history unless it may baseline, so let it baseline below V1.
      with(configuration).baselineOnMigrate(true).baselineVersion("0")
          .baselineDescription("before the foiflow tables").load().migrate();
      return;
    }
    requireLastPreFlywayRelease(tables, ours);
    log.info("foiflow's tables were made by a release before Flyway (schema.sql): recording them as version 1");
    Flyway baselined = with(configuration).baselineVersion("1")
        .baselineDescription("foiflow tables made by schema.sql").load();
    baselined.baseline();
    baselined.migrate();
  }

  /**
   * Baselining at 1 says "this database is V1 exactly". A database that an older release made, whose schema.sql
   * had not yet added the last column or index, is not: refuse it rather than skip that change for good.
   */
  private static void requireLastPreFlywayRelease(DatabaseTables tables, List<String> ours) {
    List<String> missing = V1_TABLES.stream().filter(table -> !ours.contains(table)).toList();
    boolean upToDate = missing.isEmpty()
        && tables.columns("foi_case").contains(LAST_PRE_FLYWAY_COLUMN)
        && tables.indexes("foi_case").contains(LAST_PRE_FLYWAY_INDEX);
    if (!upToDate) {
      throw new IllegalStateException("foiflow's tables in this database were made by an older release than the"
          + " last one without Flyway" + (missing.isEmpty() ? "" : " (missing: " + missing + ")")
          + ": start that release once (its schema.sql brings them up to date), then this one");
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration with(Configuration configuration) {
    return Flyway.configure(configuration.getClassLoader()).configuration(configuration);
  }
}
