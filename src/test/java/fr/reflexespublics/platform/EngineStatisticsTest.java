package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
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

  /** The SQL the engine sends to read an execution's variables, from its own mapping. */
  private String enginesVariablesQuery() {
    Map<String, Object> parameter = new HashMap<>();
    parameter.put("executionId", "any");
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getSqlSessionFactory().getConfiguration()
        .getMappedStatement("selectVariablesByExecutionId")
        .getBoundSql(new ListQueryParameterObject(parameter, 0, Integer.MAX_VALUE)).getSql();
  }

  private static String plan(Connection connection, String sql) throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      explain.setString(1, "an-execution");
      try (ResultSet r = explain.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  @Test
  void onANewH2DatabaseAnExecutionsVariablesAreReadByTheExecutionsIndex() throws Exception {
    String query = enginesVariablesQuery();
    assertThat(query).contains("EXECUTION_ID_ = ?").contains("TASK_ID_ is null");
    try (Connection fresh = newH2Database()) {
      assertThat(plan(fresh, query)).as("what H2 plans on a new database left to itself")
          .contains(TASK_INDEX).doesNotContain(EXECUTION_INDEX);

      assertThat(EngineStatistics.declare(fresh)).isEqualTo(1);

      assertThat(plan(fresh, query)).contains(EXECUTION_INDEX).doesNotContain(TASK_INDEX);
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
