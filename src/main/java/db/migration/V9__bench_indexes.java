package db.migration;

import fr.reflexespublics.platform.EngineIndexes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes on the engine's tables found by the benchmark (see {@link EngineIndexes} and
 * docs/performance.md): on PostgreSQL, expression indexes on ACT_RU_AUTHORIZATION for the
 * authorized task query; on both databases, a task's parent task. A Java migration: on a new
 * database (engine tables not created yet) {@link EngineIndexes} creates them at start, as it does
 * at every start for those added after a database ran this migration.
 */
public class V9__bench_indexes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    EngineIndexes.ensure(context.getConnection());
  }
}
