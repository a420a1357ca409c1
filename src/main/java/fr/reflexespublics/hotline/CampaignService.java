package fr.reflexespublics.hotline;

import fr.reflexespublics.hotline.CampaignProcess.Status;
import fr.reflexespublics.platform.Clocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Campaign records, who they follow, and their figures. */
@Service
public class CampaignService {

  private final JdbcTemplate jdbc;

  public CampaignService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A campaign as the follow-up batches need it. */
  public record Campaign(String id, String processInstanceId, String name, int callIntervalDays,
      RegisterService.Selection selection, Status status, int total) {}

  public String create(String processInstanceId, String name, CampaignPolicy policy, LocalDate end,
      RegisterService.Selection selection, String coordinator, int total) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO hotline_campaign (id, process_instance_id, name, call_interval_days, campaign_end, source_register,
                                      complexity, age_band, total, status, coordinator, started_at, retry_delay,
                                      max_attempts, orientation_follow_up, urgent_reminder, proximity_group,
                                      on_call_address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, name, policy.callIntervalDays(), Date.valueOf(end), selection.sourceRegister(),
        selection.complexity(), selection.ageBand(), total, Status.STARTING.name(), coordinator,
        Timestamp.from(Clocks.now()), policy.retryDelay(), policy.maxAttempts(), policy.orientationFollowUp(),
        policy.urgentReminder(), policy.proximityGroup(), policy.onCallAddress());
    return id;
  }

  /** The follow-up policy recorded with the campaign (columns NULL for campaigns started before it was). */
  public Optional<CampaignPolicy> policy(String id) {
    return jdbc.query("""
        SELECT call_interval_days, retry_delay, max_attempts, orientation_follow_up, urgent_reminder, proximity_group,
               on_call_address
          FROM hotline_campaign WHERE id = ?""",
        (rs, i) -> new CampaignPolicy(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)), id).stream().findFirst();
  }

  public Optional<Campaign> find(String id) {
    return jdbc.query("""
        SELECT id, process_instance_id, name, call_interval_days, source_register, complexity, age_band, status, total
          FROM hotline_campaign WHERE id = ?""",
        (rs, i) -> new Campaign(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            new RegisterService.Selection(rs.getString(5), rs.getString(6), rs.getString(7)),
            Status.valueOf(rs.getString(8)), rs.getInt(9)), id).stream().findFirst();
  }

  public Optional<String> idOfProcess(String processInstanceId) {
    return jdbc.queryForList("SELECT id FROM hotline_campaign WHERE process_instance_id = ?", String.class,
        processInstanceId).stream().findFirst();
  }

  public void setStatus(String id, Status status) {
    jdbc.update("UPDATE hotline_campaign SET status = ?, closed_at = ? WHERE id = ?", status.name(),
        status == Status.CLOSED ? Timestamp.from(Clocks.now()) : null, id);
  }

  /**
   * Locks the campaign row for the calling transaction and tells whether it still starts
   * follow-ups: a closing campaign waits for the batch in progress, and a batch after the closing
   * starts nothing.
   */
  public boolean lockIfOpen(String id) {
    return jdbc.update("UPDATE hotline_campaign SET total = total WHERE id = ? AND status <> ?", id,
        Status.CLOSED.name()) == 1;
  }

  /** The members of a campaign among the persons of a range of register ids (after, last]. */
  public java.util.Set<String> membersBetween(String campaignId, String afterId, String lastId) {
    return new java.util.HashSet<>(jdbc.queryForList(
        "SELECT person_id FROM campaign_member WHERE campaign_id = ? AND person_id > ? AND person_id <= ?",
        String.class, campaignId, afterId, lastId));
  }

  public boolean isMember(String campaignId, String personId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ? AND person_id = ?",
        Integer.class, campaignId, personId);
    return n != null && n > 0;
  }

  public void addMember(String campaignId, String personId, String processInstanceId) {
    jdbc.update("INSERT INTO campaign_member (campaign_id, person_id, process_instance_id, started_at) VALUES (?, ?, ?, ?)",
        campaignId, personId, processInstanceId, Timestamp.from(Clocks.now()));
  }

  /** Follow-up instances of a campaign after {@code afterPersonId}, in person order (keyset). */
  public List<String[]> members(String campaignId, String afterPersonId, int limit) {
    return jdbc.query("""
        SELECT person_id, process_instance_id FROM campaign_member
         WHERE campaign_id = ? AND person_id > ? ORDER BY person_id""",
        ps -> {
          ps.setString(1, campaignId);
          ps.setString(2, afterPersonId == null ? "" : afterPersonId);
          ps.setMaxRows(limit);
        },
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
  }

  public int started(String campaignId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = ?", Integer.class,
        campaignId);
    return n == null ? 0 : n;
  }

  /** The campaign's figures: progress of the starts, calls, reach rate, difficulties, orientations. */
  public Map<String, Object> figures(String campaignId) {
    Map<String, Object> f = new LinkedHashMap<>();
    Map<String, Object> campaign = jdbc.queryForMap(
        "SELECT name, status, total, call_interval_days, campaign_end FROM hotline_campaign WHERE id = ?", campaignId);
    f.put("campaignId", campaignId);
    f.put("name", campaign.get("name"));
    f.put("status", campaign.get("status"));
    f.put("total", ((Number) campaign.get("total")).intValue());
    f.put("started", started(campaignId));
    Map<String, Object> calls = jdbc.queryForMap("""
        SELECT COUNT(*) AS calls,
               COALESCE(SUM(CASE WHEN reached THEN 1 ELSE 0 END), 0) AS reached,
               COALESCE(SUM(CASE WHEN difficulty_detected THEN 1 ELSE 0 END), 0) AS difficulties,
               COALESCE(SUM(CASE WHEN urgent THEN 1 ELSE 0 END), 0) AS urgent
          FROM call_log WHERE campaign_id = ?""", campaignId);
    int callCount = ((Number) calls.get("calls")).intValue();
    int reached = ((Number) calls.get("reached")).intValue();
    f.put("callsMade", callCount);
    f.put("reachedPercent", callCount == 0 ? 0 : Math.round(100.0 * reached / callCount));
    f.put("difficulties", ((Number) calls.get("difficulties")).intValue());
    f.put("urgentSituations", ((Number) calls.get("urgent")).intValue());
    Integer open = jdbc.queryForObject(
        "SELECT COUNT(*) FROM orientation_request WHERE campaign_id = ? AND status <> 'HANDLED'", Integer.class, campaignId);
    f.put("orientationsOpen", open == null ? 0 : open);
    return f;
  }
}
