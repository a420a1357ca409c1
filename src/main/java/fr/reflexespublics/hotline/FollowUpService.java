package fr.reflexespublics.hotline;

import fr.reflexespublics.hotline.FollowUpProcess.OrientationStatus;
import fr.reflexespublics.platform.Clocks;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What follow-ups record: one row per call, one per orientation request. No free text. */
@Service
public class FollowUpService {

  private final JdbcTemplate jdbc;

  public FollowUpService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One call attempt. */
  public record Call(String campaignId, String personId, String caller, int attempt, boolean reached, String wellbeing,
      boolean difficulty, boolean urgent, boolean wishesToStop) {}

  public void logCall(Call call) {
    jdbc.update("""
        INSERT INTO call_log (id, campaign_id, person_id, caller, called_at, attempt, reached, wellbeing,
                              difficulty_detected, urgent, wishes_to_stop)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), call.campaignId(), call.personId(), call.caller(), Timestamp.from(Clocks.now()),
        call.attempt(), call.reached(), call.wellbeing(), call.difficulty(), call.urgent(), call.wishesToStop());
  }

  public String openOrientation(String campaignId, String personId, List<String> needs, boolean urgent) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO orientation_request (id, campaign_id, person_id, needs, urgent, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        id, campaignId, personId, String.join(",", needs), urgent, OrientationStatus.OPEN.name(),
        Timestamp.from(Clocks.now()));
    return id;
  }

  public void route(String orientationId, String proposedService, String targetService) {
    jdbc.update("""
        UPDATE orientation_request SET proposed_service = ?, target_service = ?, status = ?, routed_at = ?
         WHERE id = ?""", proposedService, targetService, OrientationStatus.ROUTED.name(), Timestamp.from(Clocks.now()),
        orientationId);
  }

  public void reminded(String orientationId) {
    jdbc.update("UPDATE orientation_request SET reminders = reminders + 1 WHERE id = ?", orientationId);
  }

  public void handled(String orientationId) {
    jdbc.update("UPDATE orientation_request SET status = ?, handled_at = ? WHERE id = ?",
        OrientationStatus.HANDLED.name(), Timestamp.from(Clocks.now()), orientationId);
  }
}
