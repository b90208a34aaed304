package org.foiflow.casefile;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database holds the cases: PostgreSQL (production) or H2 (the embedded default). A few reads use what only
 * PostgreSQL has (its full-text index, its planner's row estimates); H2 is asked the plain way.
 */
@Component
public class CaseDatabase {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public CaseDatabase(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }

  /**
   * Roughly how many rows a table has, for a weight or a threshold that a few per cent either way does not change:
   * on PostgreSQL its planner's estimate (kept by autovacuum) once past {@code exactBelow} rows, because an exact
   * count reads every row; otherwise, or before the table was first analysed, the exact count.
   */
  public long rowsAbout(String table, long exactBelow) {
    if (isPostgres()) {
      Double estimate = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)",
          Double.class, table);
      if (estimate != null && estimate >= exactBelow) {
        return estimate.longValue();
      }
    }
    Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return counted == null ? 0 : counted;
  }
}
