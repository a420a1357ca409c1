package fr.reflexespublics.initiative;

import fr.reflexespublics.initiative.InitiativeProcess.NonOpposition;
import fr.reflexespublics.initiative.InitiativeProcess.Status;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Initiatives: the yearly quota of initiative days and the initiative records.
 *
 * <p>Quota: an agent has {@code reflexes.initiative.annual-quota-days} days per calendar year
 * (of the planned start). A running initiative reserves its requested and extra days; a reported
 * one counts the days actually used; an opposed one counts nothing.
 */
@Service
public class InitiativeService {

  private static final String CONSUMPTION = """
      COALESCE(SUM(CASE WHEN status = 'OPPOSED' THEN 0
                        WHEN status IN ('DECLARED', 'IN_PROGRESS') THEN requested_days + extra_days
                        ELSE COALESCE(days_used, requested_days + extra_days) END), 0)""";

  private final JdbcTemplate jdbc;
  private final InitiativeSettings settings;
  private final OrganisationService organisation;

  public InitiativeService(JdbcTemplate jdbc, InitiativeSettings settings, OrganisationService organisation) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.organisation = organisation;
  }

  /** The record of an initiative, as far as the process needs it. */
  public record Initiative(String id, String initiator, int requestedDays, int extraDays, Integer daysUsed,
      LocalDate plannedStart, Status status) {
    public int grantedDays() {
      return requestedDays + extraDays;
    }
  }

  public int annualQuota() {
    return settings.annualQuotaDays();
  }

  /** Days of the agent's quota still free in a year. */
  public int remainingDays(String initiator, int year) {
    Integer used = jdbc.queryForObject("SELECT " + CONSUMPTION + " FROM initiative WHERE initiator = ? AND quota_year = ?",
        Integer.class, initiator, year);
    return settings.annualQuotaDays() - (used == null ? 0 : used);
  }

  /**
   * Days free for extending an initiative: the quota minus every initiative of the year, this one
   * counted with all the days it was granted so far.
   */
  public int remainingForExtension(String initiativeId) {
    Initiative initiative = find(initiativeId).orElseThrow();
    Integer others = jdbc.queryForObject("SELECT " + CONSUMPTION
            + " FROM initiative WHERE initiator = ? AND quota_year = ? AND id <> ?",
        Integer.class, initiative.initiator(), initiative.plannedStart().getYear(), initiativeId);
    return settings.annualQuotaDays() - (others == null ? 0 : others) - initiative.grantedDays();
  }

  public String declare(String processInstanceId, String initiator, String title, int requestedDays,
      LocalDate plannedStart) {
    int remaining = remainingDays(initiator, plannedStart.getYear());
    if (requestedDays > remaining) {
      throw new IllegalStateException("Quota exceeded: " + requestedDays + " requested, " + remaining + " remaining");
    }
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO initiative (id, process_instance_id, initiator, service_id, title, requested_days,
                                planned_start, quota_year, status, declared_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, initiator, organisation.serviceOf(initiator).map(s -> s.id()).orElse(null), title,
        requestedDays, Date.valueOf(plannedStart), plannedStart.getYear(), Status.DECLARED.name(),
        Timestamp.from(Clocks.now()));
    return id;
  }

  public Optional<Initiative> find(String id) {
    return jdbc.query("""
        SELECT id, initiator, requested_days, extra_days, days_used, planned_start, status
          FROM initiative WHERE id = ?""",
        (rs, i) -> new Initiative(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            (Integer) rs.getObject(5), rs.getDate(6).toLocalDate(), Status.valueOf(rs.getString(7))), id)
        .stream().findFirst();
  }

  /** The manager's answer, or silence (TACIT); the reason is null unless the manager opposed. */
  public void recordNonOpposition(String id, NonOpposition kind, String oppositionReason) {
    jdbc.update("UPDATE initiative SET non_opposition = ?, opposition_reason = ? WHERE id = ?", kind.name(),
        oppositionReason, id);
  }

  /** The innovation unit's consultation: the support offered, the constraints and notes (optional). */
  public void recordConsultation(String id, String support, String constraints, String notes) {
    jdbc.update("UPDATE initiative SET support = ?, consultation_constraints = ?, consultation_notes = ? WHERE id = ?",
        support, constraints, notes, id);
  }

  public void goAhead(String id, LocalDate reportDue) {
    jdbc.update("UPDATE initiative SET status = ?, go_ahead_at = ?, report_due = ? WHERE id = ?",
        Status.IN_PROGRESS.name(), Timestamp.from(Clocks.now()), Date.valueOf(reportDue), id);
  }

  /** The initiator's report (the latest one, after an extension); evidence is optional. */
  public void recordReport(String id, int daysUsed, String outcome, String evidence, boolean wantsHandover) {
    jdbc.update("""
        UPDATE initiative SET status = ?, days_used = ?, outcome = ?, evidence = ?, wants_handover = ?
         WHERE id = ?""", Status.REPORTED.name(), daysUsed, outcome, evidence, wantsHandover, id);
  }

  /** What the innovation unit learned from an initiative it closes. */
  public void recordLessonsLearned(String id, String lessonsLearned) {
    jdbc.update("UPDATE initiative SET lessons_learned = ? WHERE id = ?", lessonsLearned, id);
  }

  public void extend(String id, int extraDays, LocalDate reportDue) {
    jdbc.update("UPDATE initiative SET status = ?, extra_days = extra_days + ?, report_due = ? WHERE id = ?",
        Status.IN_PROGRESS.name(), extraDays, Date.valueOf(reportDue), id);
  }

  public void end(String id, Status status) {
    jdbc.update("UPDATE initiative SET status = ?, ended_at = ? WHERE id = ?", status.name(),
        Timestamp.from(Clocks.now()), id);
  }
}
