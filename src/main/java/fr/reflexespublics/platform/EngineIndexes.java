package fr.reflexespublics.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables found by the benchmark (docs/performance.md, sections 2 and 4),
 * idempotent.
 *
 * <p>PostgreSQL: Camunda's authorized task query (every Tasklist filter, every REST task query)
 * joins ACT_RU_AUTHORIZATION with {@code PERMS_ & <permission> = <permission>}. PostgreSQL cannot
 * estimate a bitwise condition and assumes a few rows, so once its statistics are up to date
 * (autovacuum), with 10,000 open call tasks it plans a nested loop of every task against every
 * task authorization: 46 s for one count. Expression indexes on the two bits that the task query
 * tests (READ on tasks, READ_TASK on process definitions) give the planner statistics on them: it
 * then probes each task's authorizations by resource id. H2 has no expression indexes and plans
 * otherwise.
 *
 * <p>Both databases: the engine looks for a task's sub-tasks ({@code PARENT_TASK_ID_ = ?}) every
 * time it deletes a task, so at every completion, and its schema has no index on that column
 * except on SQL Server: each completion read every open task (round 13). Named by the project, so
 * that an index the engine's own schema may add one day does not collide with it.
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

  /** The index on a task's parent task (both databases). */
  static final String TASK_PARENT_INDEX = "idx_task_parent_task_id";

  /** Creates the indexes of the database's kind, once the engine's tables exist. */
  public static void ensure(Connection connection) throws SQLException {
    if (!EngineTables.exists(connection, "act_ru_task")) {
      return;
    }
    boolean postgres = EngineTables.isPostgres(connection);
    try (Statement s = connection.createStatement()) {
      // on PostgreSQL only the sub-tasks are indexed (H2 has no partial index): a task without parent
      // writes nothing to it
      s.execute("CREATE INDEX IF NOT EXISTS " + TASK_PARENT_INDEX + " ON act_ru_task (parent_task_id_)"
          + (postgres ? " WHERE parent_task_id_ IS NOT NULL" : ""));
      if (postgres) {
        s.execute("CREATE INDEX IF NOT EXISTS idx_auth_perm_read ON act_ru_authorization ((perms_ & 2))");
        s.execute("CREATE INDEX IF NOT EXISTS idx_auth_perm_read_task ON act_ru_authorization ((perms_ & 64))");
      }
    }
  }
}
