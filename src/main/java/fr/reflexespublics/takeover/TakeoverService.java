package fr.reflexespublics.takeover;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.takeover.TakeoverProcess.Status;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Takeover plan records: the reported failure, the decision, the plan, its reviews, its end. */
@Service
public class TakeoverService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;
  private final TemplateEngine templates;

  public TakeoverService(JdbcTemplate jdbc, OrganisationService organisation,
      @Qualifier("mailTemplateEngine") TemplateEngine templates) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.templates = templates;
  }

  /** An active plan as listed by {@code GET /api/takeovers}. */
  public record ActivePlan(String id, String partnerName, String actionName, String actionCategory,
      LocalDate startDate, LocalDate endDate, long daysRemaining, int agentsProvided, int beneficiariesServed,
      String supportModalities) {}

  /** What the API needs to know of a plan. */
  public record PlanState(String id, Status status, String processInstanceId) {}

  /** A new plan id (the business key): TKO-year-random, no personal data. */
  public String report(String processInstanceId, String partnerName, String actionName, String category,
      int beneficiaries, String cause, String urgency) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String id = "TKO-" + LocalDate.ofInstant(Clocks.now(), java.time.ZoneOffset.UTC).getYear() + "-"
        + HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT);
    jdbc.update("""
        INSERT INTO takeover_plan (id, process_instance_id, partner_name, action_name, action_category,
                                   beneficiaries_count, failure_cause, urgency, status, reported_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, partnerName, actionName, category, beneficiaries, cause, urgency,
        Status.REPORTED.name(), Timestamp.from(Clocks.now()));
    return id;
  }

  public void recordTrigger(String id, boolean eligible, Integer maxDurationDays) {
    jdbc.update("UPDATE takeover_plan SET eligible = ?, max_duration_days = ?, status = ? WHERE id = ?",
        eligible, maxDurationDays, (eligible ? Status.PENDING_DECISION : Status.NOT_TRIGGERED).name(), id);
  }

  public void recordModalities(String id, List<String> modalities) {
    jdbc.update("UPDATE takeover_plan SET support_modalities = ? WHERE id = ?", String.join(",", modalities), id);
  }

  public void approve(String id, int durationDays, List<String> modalities) {
    jdbc.update("""
        UPDATE takeover_plan SET status = ?, duration_days = ?, support_modalities = ?, approved_at = ?
         WHERE id = ?""", Status.APPROVED.name(), durationDays, String.join(",", modalities),
        Timestamp.from(Clocks.now()), id);
  }

  public void reject(String id, String reason) {
    jdbc.update("UPDATE takeover_plan SET outcome_reason = ? WHERE id = ?", reason, id);
  }

  /** The plan is ready: dates, means, agents (with their home service), the liability letter if any. */
  public void prepare(String id, LocalDate start, LocalDate end, String resources, String premises, String criteria,
      String liabilityLetter, List<String> agents) {
    jdbc.update("""
        UPDATE takeover_plan SET status = ?, start_date = ?, end_date = ?, resources = ?, premises = ?,
               hand_back_criteria = ?, liability_letter = ? WHERE id = ?""",
        Status.ACTIVE.name(), Date.valueOf(start), Date.valueOf(end), resources, premises, criteria, liabilityLetter, id);
    for (String agent : agents) {
      jdbc.update("INSERT INTO takeover_agent (plan_id, user_id, service_id, assigned_at) VALUES (?, ?, ?, ?)",
          id, agent, organisation.serviceOf(agent).map(s -> s.id()).orElse(null), Timestamp.from(Clocks.now()));
    }
  }

  /** The liability-coverage letter the administration gives the partner. */
  public String liabilityLetter(Map<String, Object> model) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariables(model);
    return templates.process(TakeoverProcess.LETTER_LIABILITY, context);
  }

  /** A weekly review: beneficiaries served, incidents (optional), whether the partner can resume. */
  public void review(String id, int beneficiariesServed, String incidents, boolean partnerCanResume) {
    jdbc.update("""
        INSERT INTO takeover_review (id, plan_id, beneficiaries_served, incidents, partner_can_resume, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), id, beneficiariesServed, incidents, partnerCanResume,
        Timestamp.from(Clocks.now()));
  }

  /** The plan is extended (once): its new end, its total duration, the directors' reason if any. */
  public void extend(String id, LocalDate newEnd, int totalDays, String reason) {
    jdbc.update("""
        UPDATE takeover_plan SET end_date = ?, duration_days = ?, extended = TRUE, extension_reason = ?
         WHERE id = ?""", Date.valueOf(newEnd), totalDays, reason, id);
  }

  /**
   * The directors' last time-limit decision (hand back, transfer, end the action): the reason if any,
   * the new partner of a transfer. The status is set at the end event ({@link #end}).
   */
  public void recordTimeLimitOutcome(String id, String reason, String newPartnerName) {
    jdbc.update("UPDATE takeover_plan SET outcome_reason = ?, new_partner_name = ? WHERE id = ?",
        reason, newPartnerName, id);
  }

  /** The hand-back meeting: the checklist confirmed with the partner, the notes (optional). */
  public void recordHandBack(String id, boolean checklistComplete, String notes) {
    jdbc.update("UPDATE takeover_plan SET hand_back_checklist_complete = ?, hand_back_notes = ? WHERE id = ?",
        checklistComplete, notes, id);
  }

  /** The plan ends: its status, the reason if any, and every agent back to their post. */
  public void end(String id, Status status, String reason) {
    Timestamp now = Timestamp.from(Clocks.now());
    jdbc.update("""
        UPDATE takeover_plan SET status = ?, ended_at = ?, outcome_reason = COALESCE(?, outcome_reason)
         WHERE id = ?""", status.name(), now, reason, id);
    jdbc.update("UPDATE takeover_agent SET returned_at = ? WHERE plan_id = ? AND returned_at IS NULL", now, id);
  }

  public Optional<PlanState> find(String id) {
    return jdbc.query("SELECT id, status, process_instance_id FROM takeover_plan WHERE id = ?",
        (rs, i) -> new PlanState(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getString(3)), id)
        .stream().findFirst();
  }

  /** Plans in operation, soonest end first, with the days left before their time limit. */
  public List<ActivePlan> activePlans(LocalDate today) {
    return jdbc.query("""
        SELECT p.id, p.partner_name, p.action_name, p.action_category, p.start_date, p.end_date,
               (SELECT COUNT(*) FROM takeover_agent a WHERE a.plan_id = p.id),
               (SELECT COALESCE(SUM(r.beneficiaries_served), 0) FROM takeover_review r WHERE r.plan_id = p.id),
               p.support_modalities
          FROM takeover_plan p WHERE p.status = ? ORDER BY p.end_date, p.id""",
        (rs, i) -> {
          LocalDate end = rs.getDate(6).toLocalDate();
          return new ActivePlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getDate(5).toLocalDate(), end, ChronoUnit.DAYS.between(today, end), rs.getInt(7), rs.getInt(8),
              rs.getString(9));
        },
        Status.ACTIVE.name());
  }
}
