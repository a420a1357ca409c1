package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes the project adds to the engine's tables, on the database the suite runs on. */
class EngineIndexesTest extends IntegrationTest {

  @Autowired DataSource dataSource;

  /** The table's indexes, one "index:column" entry per indexed column, in lower case. */
  private static List<String> indexedColumns(Connection connection, String table) throws Exception {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> indexes = new ArrayList<>();
    for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
      try (ResultSet r = meta.getIndexInfo(null, null, name, false, false)) {
        while (r.next()) {
          if (r.getString("COLUMN_NAME") != null) {
            indexes.add(r.getString("INDEX_NAME").toLowerCase(Locale.ROOT) + ":"
                + r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return indexes;
  }

  @Test
  void aTasksSubTasksAreFoundByAnIndexAndEnsuringAgainChangesNothing() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(indexedColumns(connection, "act_ru_task"))
          .as("the engine's lookup of sub-tasks at every completion")
          .contains(EngineIndexes.TASK_PARENT_INDEX + ":parent_task_id_");

      EngineIndexes.ensure(connection);

      assertThat(indexedColumns(connection, "act_ru_task"))
          .filteredOn(index -> index.endsWith(":parent_task_id_")).hasSize(1);
    }
  }

  @Test
  void theEnginesOwnLookupOfSubTasksCanUseIt() throws Exception {
    String query = enginesSql("selectTasksByParentTaskId", "a-task");
    assertThat(query).contains("PARENT_TASK_ID_ = ?");
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres = EngineTables.isPostgres(connection);
      String plan;
      try (var s = connection.createStatement()) {
        if (postgres) {
          // the suite's task table is small enough for a scan; the question is whether the index applies
          s.execute("SET enable_seqscan = off");
        }
        try {
          plan = explain(connection, query, "a-task");
        } finally {
          if (postgres) {
            s.execute("RESET enable_seqscan");
          }
        }
      }
      assertThat(plan.toLowerCase(Locale.ROOT)).contains(EngineIndexes.TASK_PARENT_INDEX);
    }
  }
}
