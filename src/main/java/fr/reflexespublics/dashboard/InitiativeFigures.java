package fr.reflexespublics.dashboard;

import static fr.reflexespublics.dashboard.Sql.daysBetween;
import static fr.reflexespublics.dashboard.Sql.median;

import fr.reflexespublics.initiative.InitiativeProcess;
import fr.reflexespublics.initiative.InitiativeSettings;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Initiatives without prior permission: outcomes, how the go-ahead was given, days used. */
@Component
@Order(1)
public class InitiativeFigures implements DashboardSection {


  private final Sql sql;
  private final InitiativeSettings settings;

  public InitiativeFigures(Sql sql, InitiativeSettings settings) {
    this.sql = sql;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "initiatives";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    String inFilter = " FROM initiative i WHERE i.declared_at >= :from AND i.declared_at < :to"
        + Sql.andService(filter, "i.service_id");
    Map<String, Long> byStatus = sql.countsBy("SELECT i.status, COUNT(*)" + inFilter + " GROUP BY i.status", p,
        Sql.names(InitiativeProcess.Status.values()));
    Map<String, Long> nonOpposition = sql.countsBy("SELECT i.non_opposition, COUNT(*)" + inFilter
        + " AND i.non_opposition IS NOT NULL GROUP BY i.non_opposition", p, Sql.names(InitiativeProcess.NonOpposition.values()));
    Object medianDays = sql.row("SELECT " + median(daysBetween("i.declared_at", "i.go_ahead_at")) + inFilter
        + " AND i.go_ahead_at IS NOT NULL", p).get(0);

    Table status = Table.of("Initiatives by status", "status", "initiatives");
    byStatus.forEach(status::row);
    Table goAhead = Table.of("How the go-ahead was given", "non-opposition", "initiatives");
    nonOpposition.forEach(goAhead::row);
    Table days = Table.of("Initiative days used per service (yearly quota: agents x " + settings.annualQuotaDays()
        + " days)", "service", "initiatives", "days used", "agents", "yearly quota", "used %");
    for (List<Object> r : sql.rows("""
        SELECT s.id, COUNT(i.id),
               COALESCE(SUM(CASE WHEN i.status = 'OPPOSED' THEN 0 ELSE COALESCE(i.days_used, i.requested_days + i.extra_days) END), 0),
               (SELECT COUNT(*) FROM org_agent a WHERE a.service_id = s.id)
          FROM org_service s
          LEFT JOIN initiative i ON i.service_id = s.id AND i.declared_at >= :from AND i.declared_at < :to
         WHERE 1 = 1""" + Sql.andService(filter, "s.id") + " GROUP BY s.id ORDER BY s.id", p)) {
      long used = (Long) r.get(2);
      long quota = (Long) r.get(3) * settings.annualQuotaDays();
      days.row(r.get(0), r.get(1), used, r.get(3), quota, Sql.percent(used, quota));
    }
    return Section.of(id(), "Initiatives without prior permission",
            "Period: declaration date. Service: the initiator's service.")
        .figure("declared", byStatus.values().stream().mapToLong(Long::longValue).sum())
        .figure("inProgress", byStatus.get("IN_PROGRESS") + byStatus.get("REPORTED"))
        .figure("relayed", byStatus.get("RELAYED"))
        .figure("adopted", byStatus.get("ADOPTED"))
        .figure("opposed", byStatus.get("OPPOSED"))
        .figure("closed", byStatus.get("CLOSED") + byStatus.get("NOT_ADOPTED"))
        .figure("medianDaysToGoAhead", medianDays)
        .table("status", status).table("goAhead", goAhead).table("daysPerService", days);
  }
}
