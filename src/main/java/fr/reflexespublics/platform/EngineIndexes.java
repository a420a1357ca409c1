package fr.reflexespublics.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables found by the benchmark (docs/performance.md, section 4),
 * PostgreSQL only, idempotent.
 *
 * <p>Camunda's authorized task query (every Tasklist filter, every REST task query) joins
 * ACT_RU_AUTHORIZATION with {@code PERMS_ & <permission> = <permission>}. PostgreSQL cannot
 * estimate a bitwise condition and assumes a few rows, so once its statistics are up to date
 * (autovacuum), with 10,000 open call tasks it plans a nested loop of every task against every
 * task authorization: 46 s for one count. Expression indexes on the two bits that the task query
 * tests (READ on tasks, READ_TASK on process definitions) give the planner statistics on them: it
 * then probes each task's authorizations by resource id. H2 has no expression indexes and plans
 * otherwise.
 *
 * <p>Flyway migration V9 creates them on a database whose engine tables exist; on a new database
 * Flyway runs before the engine creates its tables, so they are (also) ensured once the
 * application is ready.
 */
@Component
public class EngineIndexes {

  private final DataSource dataSource;

  public EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureOnStart() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      ensure(connection);
    }
  }

  /** Creates the indexes when the database is PostgreSQL and the engine's tables exist. */
  public static void ensure(Connection connection) throws SQLException {
    if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
      return;
    }
    if (!EngineTables.exists(connection, "act_ru_authorization")) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE INDEX IF NOT EXISTS idx_auth_perm_read ON act_ru_authorization ((perms_ & 2))");
      s.execute("CREATE INDEX IF NOT EXISTS idx_auth_perm_read_task ON act_ru_authorization ((perms_ & 64))");
    }
  }
}
