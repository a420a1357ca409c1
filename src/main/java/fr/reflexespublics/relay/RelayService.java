package fr.reflexespublics.relay;

import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.relay.RelayProcess.Status;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Relay records, their checkpoints, and the adopted-practices catalogue. */
@Service
public class RelayService {

  private final JdbcTemplate jdbc;

  public RelayService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An adopted practice of the catalogue. */
  public record Practice(String id, String title, String description, String departmentId, String departmentName,
      String carrierUserId, String summary, Instant adoptedAt, boolean fromInitiative) {}

  public String start(String processInstanceId, String initiativeId, String title) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO relay (id, process_instance_id, initiative_id, title, status, started_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, initiativeId, title, Status.IN_PROGRESS.name(), Timestamp.from(Clocks.now()));
    return id;
  }

  /**
   * The carrier: identified by the innovation unit with the relay plan (milestones), or designated
   * by the directors ({@code relayPlan} null: the plan stays).
   */
  public void carrier(String relayId, String department, String userId, LocalDate deadline, String relayPlan) {
    jdbc.update("""
        UPDATE relay SET carrier_department = ?, carrier_user_id = ?, relay_deadline = ?,
               relay_plan = COALESCE(?, relay_plan)
         WHERE id = ?""",
        department, userId, Date.valueOf(deadline), relayPlan, relayId);
  }

  /** The head of the department declined (reason null if none came): the number of declines so far. */
  public int decline(String relayId, String department, String userId, String reason) {
    jdbc.update("""
        INSERT INTO relay_decline (id, relay_id, carrier_department, carrier_user_id, reason, declined_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), relayId, department, userId, reason, Timestamp.from(Clocks.now()));
    jdbc.update("UPDATE relay SET declines = declines + 1 WHERE id = ?", relayId);
    Integer declines = jdbc.queryForObject("SELECT declines FROM relay WHERE id = ?", Integer.class, relayId);
    return declines == null ? 0 : declines;
  }

  public void checkpoint(String relayId, int departmentInvolvement, boolean initiatorsInvolved, String notes) {
    jdbc.update("""
        INSERT INTO relay_checkpoint (id, relay_id, department_involvement, initiators_involved, notes, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), relayId, departmentInvolvement, initiatorsInvolved, notes,
        Timestamp.from(Clocks.now()));
  }

  /** The department head confirmed: the practice joins the catalogue. */
  public void adopt(String relayId, String initiativeId, String title, String description, String department,
      String carrierUserId, String summary) {
    Instant now = Clocks.now();
    jdbc.update("""
        INSERT INTO adopted_practice (id, relay_id, initiative_id, title, description, department_id,
                                      carrier_user_id, summary, adopted_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), relayId, initiativeId, title, description, department, carrierUserId, summary,
        Timestamp.from(now));
  }

  public void end(String relayId, Status status) {
    jdbc.update("UPDATE relay SET status = ?, ended_at = ? WHERE id = ?", status.name(), Timestamp.from(Clocks.now()),
        relayId);
  }

  /** The catalogue, newest first, at most {@code limit} practices. */
  public List<Practice> practices(int limit) {
    return jdbc.query("""
        SELECT p.id, p.title, p.description, p.department_id, s.name, p.carrier_user_id, p.summary, p.adopted_at,
               p.initiative_id
          FROM adopted_practice p LEFT JOIN org_service s ON s.id = p.department_id
         ORDER BY p.adopted_at DESC""",
        ps -> ps.setMaxRows(limit),
        (rs, i) -> new Practice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9) != null));
  }
}
