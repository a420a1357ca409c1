package db.migration;

import fr.reflexespublics.platform.HistoryWithoutDetails;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A database whose engine ran at history level {@code full} moves to the project's level,
 * {@code full-without-details} ({@link HistoryWithoutDetails}), before the engine starts; a new
 * database is left to the engine, which records the level it is configured with.
 */
public class V11__history_without_details extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    HistoryWithoutDetails.moveFromFull(context.getConnection());
  }
}
