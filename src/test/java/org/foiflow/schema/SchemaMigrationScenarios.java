package org.foiflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.foiflow.requesters.RequesterKeyBackfill;
import org.foiflow.search.SearchBackfill;
import org.foiflow.security.RetentionSettings;
import org.foiflow.similarity.SimilarRequestsBackfill;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * foiflow's schema migration (FoiflowSchemaMigration with db/migration) on a new database, on one that
 * the last release before Flyway made (its schema.sql, kept as the fixture db/old-main-schema.sql), and on
 * one already migrated. Each test gets a new, empty database of its own from {@link #newDatabase()}.
 */
abstract class SchemaMigrationScenarios {

  /** A new, empty database, used by this test only. */
  abstract DataSource newDatabase() throws Exception;

  static Flyway flyway(DataSource database) {
    // what Spring Boot's auto-configuration gives the strategy: spring.flyway.locations with {vendor} resolved
    // (h2, postgresql), the Java migrations that are beans (the backfills of the search, the requester keys and the similar requests' terms), and the default history table
    return Flyway.configure().dataSource(database)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(database))
        .javaMigrations(new SearchBackfill(new RetentionSettings(Duration.ofDays(2555))),
            new RequesterKeyBackfill(new RetentionSettings(Duration.ofDays(2555))),
            new SimilarRequestsBackfill(new RetentionSettings(Duration.ofDays(2555)))).load();
  }

  private static String vendor(DataSource database) {
    return Boolean.TRUE.equals(new JdbcTemplate(database).execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
        connection -> connection.getMetaData().getDatabaseProductName().startsWith("H2"))) ? "h2" : "postgresql";
  }

  static void migrate(DataSource database) {
    new FoiflowSchemaMigration().migrate(flyway(database));
  }

  static void runOldMainSchemaSql(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/old-main-schema.sql"));
    }
  }

  /** Every migration after the first, in order, as {@link #history} lists them. */
  static final List<String> AFTER_V1 = List.of("2 SQL true", "2.1 SQL true", "3 SQL true", "3.1 SQL true",
      "3.2 JDBC true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true", "8 SQL true", "9 SQL true",
      "9.1 JDBC true", "10 SQL true", "10.2 JDBC true", "11 SQL true");

  /** The history a database has once Flyway is done: how it began, then every later migration. */
  static List<String> migrated(String... beginning) {
    List<String> history = new ArrayList<>(List.of(beginning));
    history.addAll(AFTER_V1);
    return history;
  }

  /**
   * flyway_schema_history as "version type success", oldest first; without the row that Flyway writes on H2 only
   * to note that it created the table (type TABLE, rank -1).
   */
  static List<String> history(DataSource database) {
    return new JdbcTemplate(database).query("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\""
            + " WHERE \"type\" <> 'TABLE' ORDER BY \"installed_rank\"",
        (row, number) -> row.getString(1) + " " + row.getString(2) + " " + row.getBoolean(3));
  }

  /** Every column of foiflow's tables: table, position, name, type, length, nullable. */
  static List<String> columns(DataSource database) {
    String tables = FoiflowSchemaMigration.V1_TABLES.stream().map(table -> "'" + table + "'")
        .collect(Collectors.joining(", "));
    return new JdbcTemplate(database).query("SELECT table_name, ordinal_position, column_name, data_type,"
            + " character_maximum_length, is_nullable FROM information_schema.columns"
            + " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) IN (" + tables + ")"
            + " ORDER BY LOWER(table_name), ordinal_position",
        (row, number) -> (row.getString(1) + " " + row.getInt(2) + " " + row.getString(3) + " " + row.getString(4)
            + " " + row.getObject(5) + " " + row.getString(6)).toLowerCase(Locale.ROOT));
  }

  /** foiflow's named indexes with their columns in order and whether unique, e.g. "foi_case_by_process (...)". */
  static List<String> indexes(DataSource database) throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (Connection connection = database.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String table : FoiflowSchemaMigration.V1_TABLES) {
        String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<String, List<String>> columnsByIndex = new java.util.TreeMap<>();
        try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), stored, false, false)) {
          while (rows.next()) {
            String name = String.valueOf(rows.getString("INDEX_NAME")).toLowerCase(Locale.ROOT);
            if (name.startsWith("foi_")) {
              String unique = rows.getBoolean("NON_UNIQUE") ? "" : "unique ";
              columnsByIndex.computeIfAbsent(unique + table + "." + name, key -> new ArrayList<>())
                  .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
        columnsByIndex.forEach((index, columns) -> indexes.add(index + " " + columns));
      }
    }
    return indexes;
  }

  /** A case, its reference counter and its queued letter, as the last release before Flyway wrote them. */
  static void insertACase(JdbcTemplate jdbc) {
    jdbc.update("INSERT INTO foi_reference_counter (reference_year, last_number) VALUES (2026, 7)");
    jdbc.update("INSERT INTO foi_case (reference, process_instance_id, regime, channel, received_on, due_on, clock,"
            + " stage, assignee, intake_fingerprint) VALUES (?, ?, 'FOIA', 'EMAIL', ?, ?, 'RUNNING', 'Assess', 'maya', ?)",
        "FOI-2026-00007", "c0ffee00-0000-0000-0000-000000000007", Date.valueOf(LocalDate.of(2026, 11, 2)),
        Date.valueOf(LocalDate.of(2026, 11, 30)), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    jdbc.update("INSERT INTO foi_letter_dispatch (process_instance_id, letter_id, subject, queued_at, attempts, sent_at)"
            + " VALUES (?, 'letter1', 'FOI-2026-00007: acknowledgement', ?, 1, ?)",
        "c0ffee00-0000-0000-0000-000000000007", Timestamp.from(Instant.parse("2026-11-02T09:00:00Z")),
        Timestamp.from(Instant.parse("2026-11-02T09:00:03Z")));
  }

  @Test
  void aNewDatabaseGetsFoiflowsTablesFromV1() throws Exception {
    DataSource database = newDatabase();
    migrate(database);

    assertThat(history(database)).containsExactlyElementsOf(migrated("1 SQL true"));
    assertThat(columns(database)).hasSize(74)
        .contains("foi_case 14 intake_fingerprint character varying 64 yes",
            "foi_letter_dispatch 1 process_instance_id character varying 64 no");
    // H2 and PostgreSQL name the type differently ("timestamp", "timestamp without time zone")
    assertThat(columns(database)).anyMatch(column -> column.startsWith("foi_letter_dispatch 9 gave_up_at timestamp"));
    assertThat(indexes(database)).contains("foi_case.foi_case_open_by_due_reference [closed_on, due_on, reference, clock]",
        "unique foi_case.foi_case_one_per_submission [intake_fingerprint]",
        "foi_letter_dispatch.foi_letter_dispatch_unsent [sent_at, queued_at]");
    insertACase(new JdbcTemplate(database));
  }

  @Test
  void aNewDatabaseWhereTheEngineMadeItsTablesFirstStillGetsV1() throws Exception {
    DataSource database = newDatabase();
    // the schema is not empty, but none of it is foiflow's: it must not be mistaken for an upgrade
    new JdbcTemplate(database).execute("CREATE TABLE act_ge_property (name_ VARCHAR(64) PRIMARY KEY, value_ VARCHAR(300))");
    migrate(database);

    assertThat(history(database)).containsExactlyElementsOf(migrated("0 BASELINE true", "1 SQL true"));
    assertThat(columns(database)).hasSize(74);
  }

  @Test
  void aDatabaseMadeByTheLastReleaseWithoutFlywayIsBaselinedAtOneAndKeepsItsData() throws Exception {
    DataSource fresh = newDatabase();
    migrate(fresh);
    DataSource old = newDatabase();
    runOldMainSchemaSql(old);
    runOldMainSchemaSql(old); // that release ran it at every start
    JdbcTemplate jdbc = new JdbcTemplate(old);
    insertACase(jdbc);

    migrate(old);

    assertThat(history(old)).containsExactlyElementsOf(migrated("1 BASELINE true"));
    assertThat(columns(old)).isEqualTo(columns(fresh));
    assertThat(indexes(old)).isEqualTo(indexes(fresh));
    assertThat(jdbc.queryForObject("SELECT last_number FROM foi_reference_counter WHERE reference_year = 2026",
        Integer.class)).isEqualTo(7);
    assertThat(jdbc.queryForObject("SELECT process_instance_id || ' ' || stage || ' ' || intake_fingerprint FROM foi_case"
        + " WHERE reference = 'FOI-2026-00007'", String.class)).isEqualTo("c0ffee00-0000-0000-0000-000000000007 Assess"
        + " 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE sent_at IS NOT NULL",
        Integer.class)).isEqualTo(1);
    // V2 gives the case from before it the words of its reference, the only searchable thing it has
    assertThat(jdbc.queryForObject("SELECT search_text FROM foi_case WHERE reference = 'FOI-2026-00007'", String.class))
        .isEqualTo(" foi 2026 00007 ");

    // the next start finds the history and has nothing to do
    migrate(old);
    assertThat(history(old)).containsExactlyElementsOf(migrated("1 BASELINE true"));
  }

  @Test
  void aMigratedDatabaseIsLeftAsItIsOnTheNextStart() throws Exception {
    DataSource database = newDatabase();
    migrate(database);
    insertACase(new JdbcTemplate(database));
    migrate(database);

    assertThat(history(database)).containsExactlyElementsOf(migrated("1 SQL true"));
    assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM foi_case", Integer.class)).isEqualTo(1);
  }

  @Test
  void aDatabaseFromAnOlderReleaseThanTheLastWithoutFlywayIsRefusedNotBaselined() throws Exception {
    DataSource database = newDatabase();
    runOldMainSchemaSql(database);
    // as the releases before the deadline view's index change left it
    new JdbcTemplate(database).execute("DROP INDEX foi_case_open_by_due_reference");

    assertThatThrownBy(() -> migrate(database)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start that release once");
    assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE LOWER(table_name) = 'flyway_schema_history'", Integer.class)).isZero();
  }
}
