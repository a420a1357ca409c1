package fr.reflexespublics.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** The engine's tables, which Flyway migrations may meet before the engine has created them, and the database holding them. */
final class EngineTables {

  private EngineTables() {}

  /** Whether the connection is to PostgreSQL. */
  static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** Whether the connection is to H2. */
  static boolean isH2(Connection connection) throws SQLException {
    return "H2".equals(connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT));
  }

  /** Whether the table exists, named as the database names it (upper case on H2, lower on PostgreSQL). */
  static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
