package fr.reflexespublics.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import fr.reflexespublics.platform.Clocks;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Partner takeovers: plans in operation and their time left, agents provided, beneficiaries served. */
@Component
@Order(3)
public class TakeoverFigures implements DashboardSection {

  /** Under this many days left, a plan shows red. */
  public static final int CRITICAL_DAYS = 7;

  private final Sql sql;

  public TakeoverFigures(Sql sql) {
    this.sql = sql;
  }

  @Override
  public String id() {
    return "takeovers";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    LocalDate today = Clocks.today(sql.zone());
    String planOfService = filter.hasService()
        ? " AND t.id IN (SELECT ta.plan_id FROM takeover_agent ta WHERE ta.service_id = :service)" : "";
    Table active = Table.of("Plans in operation", "plan", "partner", "action", "end date", "days remaining",
        "critical");
    long critical = 0;
    for (List<Object> r : sql.rows("SELECT t.id, t.partner_name, t.action_name, t.end_date FROM takeover_plan t"
        + " WHERE t.status IN ('APPROVED', 'ACTIVE')" + planOfService + " ORDER BY t.end_date", p)) {
      Object end = r.get(3);
      Long left = end == null ? null : ChronoUnit.DAYS.between(today, LocalDate.parse((String) end));
      boolean red = left != null && left < CRITICAL_DAYS;
      critical += red ? 1 : 0;
      active.row(r.get(0), r.get(1), r.get(2), end, left, red);
    }
    Table agents = Table.of("Agents provided per service", "service", "agents provided", "still provided");
    sql.rows("SELECT COALESCE(ta.service_id, '-'), COUNT(*), SUM(CASE WHEN ta.returned_at IS NULL THEN 1 ELSE 0 END)"
        + " FROM takeover_agent ta WHERE ta.assigned_at >= :from AND ta.assigned_at < :to"
        + Sql.andService(filter, "ta.service_id") + " GROUP BY ta.service_id ORDER BY 1", p)
        .forEach(r -> agents.row(r.toArray()));
    Table served = Table.of("Beneficiaries served per plan", "plan", "partner", "reviews", "beneficiaries served");
    sql.rows("SELECT t.id, t.partner_name, COUNT(rv.id), COALESCE(SUM(rv.beneficiaries_served), 0)"
        + " FROM takeover_plan t JOIN takeover_review rv ON rv.plan_id = t.id"
        + " WHERE rv.recorded_at >= :from AND rv.recorded_at < :to" + planOfService
        + " GROUP BY t.id, t.partner_name ORDER BY t.id", p).forEach(r -> served.row(r.toArray()));
    long beneficiaries = served.rows().stream().mapToLong(r -> ((Number) r.get(3)).longValue()).sum();
    return Section.of(id(), "Partner takeovers",
            "Plans in operation: today, whatever the period; red under " + CRITICAL_DAYS + " days left.",
            "Period: date an agent was provided, date of the weekly review. Service: the agents' service.")
        .figure("activePlans", (long) active.rows().size())
        .figure("criticalPlans", critical)
        .figure("agentsProvided", agents.rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum())
        .figure("beneficiariesServed", beneficiaries)
        .table("active", active).table("agentsPerService", agents).table("beneficiaries", served);
  }
}
