package fr.reflexespublics.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Column statistics of the engine's tables declared on a new H2 database (the demo database), as
 * H2 measures them on a used one (docs/performance.md, section 2, round 13). H2 only, idempotent.
 *
 * <p>H2 chooses an index by the selectivity of its columns. On a new database every column has the
 * default, so for the engine's read of an execution's variables ({@code EXECUTION_ID_ = ? and
 * TASK_ID_ is null}) both indexes look alike and H2 takes the first, the one on {@code TASK_ID_}:
 * it then reads every variable of every running execution that is not a task's, 0.33 ms a query
 * against 0.04 ms by the execution's index. H2 measures the columns by itself only after 2,000
 * changes of a table, and keeps the plans it has made in each connection's query cache until the
 * connection is closed (its measures do not invalidate them), so the first plan is the one used.
 *
 * <p>A column is declared only while H2 reports its default selectivity (50, what it reports for a
 * column it has not measured): a database whose columns H2 has measured keeps its own figures. Run
 * once the engine has created its tables and before its first command (the engine plugin's
 * post-build step).
 */
public final class EngineStatistics {

  /** A column's selectivity: 100 for unique values, 1 when a value is shared by a hundredth of the rows or more. */
  record Declared(String table, String column, int selectivity, String why) {}

  static final List<Declared> DECLARED = List.of(
      new Declared("ACT_RU_VARIABLE", "TASK_ID_", 1,
          "most runtime variables are an execution's, not a task's: TASK_ID_ is mostly null"));

  /** What H2 reports for a column it has neither measured nor been told about. */
  static final int H2_DEFAULT_SELECTIVITY = 50;

  private EngineStatistics() {}

  /** Declares the statistics on the engine's data source when it is H2. */
  public static void ensure(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      declare(connection);
    }
  }

  /**
   * Declares the statistics H2 has not measured yet.
   *
   * @return the columns declared (none on another database, or when H2 has measured them all)
   */
  static int declare(Connection connection) throws SQLException {
    if (!EngineTables.isH2(connection)) {
      return 0;
    }
    int declared = 0;
    for (Declared column : DECLARED) {
      if (selectivity(connection, column.table(), column.column()) == H2_DEFAULT_SELECTIVITY) {
        try (Statement s = connection.createStatement()) {
          s.execute("ALTER TABLE " + column.table() + " ALTER COLUMN " + column.column()
              + " SELECTIVITY " + column.selectivity());
        }
        declared++;
      }
    }
    return declared;
  }

  /** H2's selectivity of the column (50 when never measured nor declared), -1 when there is no such column. */
  static int selectivity(Connection connection, String table, String column) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
      s.setString(1, table);
      s.setString(2, column);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : -1;
      }
    }
  }
}
