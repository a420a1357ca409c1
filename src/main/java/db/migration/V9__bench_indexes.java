package db.migration;

import fr.reflexespublics.platform.EngineIndexes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Expression indexes on ACT_RU_AUTHORIZATION for the authorized task query on PostgreSQL (see
 * {@link EngineIndexes} and docs/performance.md). A Java migration: PostgreSQL only, and on a new
 * database (engine tables not created yet) {@link EngineIndexes} creates them at start.
 */
public class V9__bench_indexes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    EngineIndexes.ensure(context.getConnection());
  }
}
