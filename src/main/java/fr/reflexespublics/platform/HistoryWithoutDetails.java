package fr.reflexespublics.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The project's history level ({@code camunda.bpm.history-level: full-without-details}): Camunda's
 * {@code full} without {@code ACT_HI_DETAIL}, i.e. without a copy of every value a variable ever
 * had ({@code VARIABLE_INSTANCE_UPDATE_DETAIL}) nor of every text submitted through a task or start
 * form ({@code FORM_PROPERTY_UPDATE}).
 *
 * <p>Why (docs/architecture.md "Jobs, retries, history"): at {@code full}, a form submitted
 * through Tasklist or {@code /submit-form} writes each of its text fields into
 * {@code ACT_HI_DETAIL}, transient ones included (Camunda 7.24's form handler does not look at
 * transience), so an anonymous retex testimony reached the history that it was kept out of; and
 * every change of every variable was kept twice in history, personal data included, until removal.
 * Everything else of {@code full} is kept: activity, task and identity-link history, the last value
 * of every variable ({@code ACT_HI_VARINST}), the job log, incidents, the user operation log.
 */
public class HistoryWithoutDetails extends AbstractHistoryLevel {

  public static final String NAME = "full-without-details";
  /** Stored in ACT_GE_PROPERTY (historyLevel); Camunda's own levels are 0 to 3. */
  public static final int ID = 30;

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
        && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  /**
   * Moves a database whose engine ran at {@code full} to this level (the engine refuses to start
   * when the level it is configured with differs from the one it recorded). Nothing to do on a new
   * database (the engine records its level when it creates its tables) nor at another level (an
   * operator's choice, left as it is). Returns whether the level was changed.
   */
  public static boolean moveFromFull(Connection connection) throws SQLException {
    if (!EngineTables.exists(connection, "ACT_GE_PROPERTY")) {
      return false;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
      update.setString(1, String.valueOf(ID));
      update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
      return update.executeUpdate() > 0;
    }
  }
}
