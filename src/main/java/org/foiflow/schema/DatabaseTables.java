package org.foiflow.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The tables in the schema Flyway works on, by lower-case name (H2 keeps unquoted names in upper case,
 * PostgreSQL in lower case), read from the JDBC metadata.
 */
final class DatabaseTables {

  private final DataSource dataSource;
  private final String schema;
  /** lower-case name to the name as the database stores it */
  private final Map<String, String> tables;

  private DatabaseTables(DataSource dataSource, String schema, Map<String, String> tables) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.tables = tables;
  }

  static DatabaseTables read(Configuration configuration) {
    DataSource dataSource = configuration.getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema() : connection.getSchema();
      Map<String, String> tables = new HashMap<>();
      try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          String name = rows.getString("TABLE_NAME");
          tables.put(name.toLowerCase(Locale.ROOT), name);
        }
      }
      return new DatabaseTables(dataSource, schema, tables);
    } catch (SQLException unreadable) {
      throw new IllegalStateException("cannot list the tables of the database", unreadable);
    }
  }

  boolean has(String table) {
    return tables.containsKey(table.toLowerCase(Locale.ROOT));
  }

  /** The table's column names in lower case, in their order. */
  Set<String> columns(String table) {
    return names(table, (metaData, catalog, stored) -> metaData.getColumns(catalog, schema, stored, "%"), "COLUMN_NAME");
  }

  /** The table's index names in lower case. */
  Set<String> indexes(String table) {
    return names(table, (metaData, catalog, stored) -> metaData.getIndexInfo(catalog, schema, stored, false, false),
        "INDEX_NAME");
  }

  private interface MetaDataQuery {
    ResultSet run(DatabaseMetaData metaData, String catalog, String storedName) throws SQLException;
  }

  private Set<String> names(String table, MetaDataQuery query, String column) {
    Set<String> names = new LinkedHashSet<>();
    String stored = tables.get(table.toLowerCase(Locale.ROOT));
    if (stored == null) {
      return names;
    }
    try (Connection connection = dataSource.getConnection();
         ResultSet rows = query.run(connection.getMetaData(), connection.getCatalog(), stored)) {
      while (rows.next()) {
        String name = rows.getString(column);
        if (name != null) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
      return names;
    } catch (SQLException unreadable) {
      throw new IllegalStateException("cannot read the metadata of table " + table, unreadable);
    }
  }
}
