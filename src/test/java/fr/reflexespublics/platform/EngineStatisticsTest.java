package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine tables' statistics declared on a new H2 database: the engine's read of an execution's
 * variables planned on the execution's index from the first query. Checked on a database of its
 * own made by the engine's H2 script (whatever database the suite runs on), plus the
 * application's own database at start.
 */
class EngineStatisticsTest extends IntegrationTest {

  private static final String ENGINE_SCRIPT = "org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql";
  private static final String EXECUTION_INDEX = "ACT_FK_VAR_EXE_INDEX_C";
  private static final String TASK_INDEX = "ACT_IDX_VARIABLE_TASK_ID";

  @Autowired DataSource dataSource;

  /** A new H2 database with the engine's tables, as the engine creates them. */
  private Connection newH2Database() throws SQLException, IOException {
    Connection connection = DriverManager.getConnection("jdbc:h2:mem:statistics-" + UUID.randomUUID(), "sa", "");
    String script;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ENGINE_SCRIPT)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    }
    try (Statement s = connection.createStatement()) {
      for (String statement : script.split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
    return connection;
  }

  @Test
  void onANewH2DatabaseAnExecutionsVariablesAreReadByTheExecutionsIndex() throws Exception {
    String query = enginesSql("selectVariablesByExecutionId", Map.of("executionId", "any"));
    assertThat(query).contains("EXECUTION_ID_ = ?").contains("TASK_ID_ is null");
    try (Connection fresh = newH2Database()) {
      assertThat(explain(fresh, query, "an-execution")).as("what H2 plans on a new database left to itself")
          .contains(TASK_INDEX).doesNotContain(EXECUTION_INDEX);

      assertThat(EngineStatistics.declare(fresh)).isEqualTo(1);

      assertThat(explain(fresh, query, "an-execution")).contains(EXECUTION_INDEX).doesNotContain(TASK_INDEX);
      assertThat(EngineStatistics.selectivity(fresh, "ACT_RU_VARIABLE", "TASK_ID_")).isEqualTo(1);
      assertThat(EngineStatistics.declare(fresh)).as("declared once").isZero();
    }
  }

  @Test
  void aColumnH2HasMeasuredKeepsItsFigure() throws Exception {
    try (Connection used = newH2Database(); Statement s = used.createStatement()) {
      s.execute("INSERT INTO ACT_RU_VARIABLE (ID_, TYPE_, NAME_, TASK_ID_, VAR_SCOPE_, REV_) VALUES ('v1', 'string', 'a', 't1', 't1', 1)");
      s.execute("INSERT INTO ACT_RU_VARIABLE (ID_, TYPE_, NAME_, TASK_ID_, VAR_SCOPE_, REV_) VALUES ('v2', 'string', 'b', 't2', 't2', 1)");
      s.execute("ANALYZE TABLE ACT_RU_VARIABLE");
      int measured = EngineStatistics.selectivity(used, "ACT_RU_VARIABLE", "TASK_ID_");
      assertThat(measured).as("two rows, two tasks").isEqualTo(100);

      assertThat(EngineStatistics.declare(used)).isZero();
      assertThat(EngineStatistics.selectivity(used, "ACT_RU_VARIABLE", "TASK_ID_")).isEqualTo(measured);
    }
  }

  @Test
  void theApplicationsDatabaseHasNothingLeftToDeclareOnceStarted() throws Exception {
    // on H2 the engine's post-build step has declared them; on PostgreSQL there is nothing to declare
    try (Connection connection = dataSource.getConnection()) {
      assertThat(EngineStatistics.declare(connection)).isZero();
    }
  }
}
