package fr.reflexespublics.dashboard;

import fr.reflexespublics.mobility.MobilityProcess;
import fr.reflexespublics.mobility.MobilitySettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Reassignments: who went where, volunteer days against the quota, constraints, returns, skills gained. */
@Component
@Order(5)
public class MobilityFigures implements DashboardSection {

  private static final String SERVED = "('ON_MISSION', 'RETURNED')";

  private final Sql sql;
  private final MobilitySettings settings;

  public MobilityFigures(Sql sql, MobilitySettings settings) {
    this.sql = sql;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "mobility";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    String inFilter = " FROM mission_assignment m WHERE m.start_date >= :fromDate AND m.start_date <= :toDate"
        + (filter.hasService() ? " AND (m.home_service = :service OR m.receiving_service = :service)" : "");
    Map<String, Long> byStatus = sql.countsBy("SELECT m.status, COUNT(*)" + inFilter + " GROUP BY m.status", p,
        Sql.names(MobilityProcess.Status.values()));
    List<Object> served = sql.row("SELECT COUNT(DISTINCT m.user_id), COALESCE(SUM(m.mission_days), 0),"
        + " SUM(CASE WHEN m.constraints_respected THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN m.constraints_respected = FALSE THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN m.status = 'RETURNED' AND m.returned_early = FALSE THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN m.status = 'RETURNED' AND m.returned_early THEN 1 ELSE 0 END)"
        + inFilter + " AND m.status IN " + SERVED, p);
    List<Object> pool = sql.row("SELECT COUNT(*), COALESCE(SUM(v.volunteer_days), 0) FROM volunteer v"
        + " WHERE v.withdrawn_at IS NULL" + Sql.andAgentOfService(filter, "v.user_id"), p);
    long daysUsed = (Long) served.get(1);
    long volunteers = (Long) pool.get(0);

    Map<String, long[]> perService = new LinkedHashMap<>();
    sql.rows("SELECT COALESCE(m.home_service, '-'), COUNT(DISTINCT m.user_id), SUM(m.mission_days)" + inFilter
        + " AND m.status IN " + SERVED + " GROUP BY m.home_service ORDER BY 1", p)
        .forEach(r -> perService.computeIfAbsent((String) r.get(0), k -> new long[3])[0] = (Long) r.get(1));
    sql.rows("SELECT m.receiving_service, COUNT(DISTINCT m.user_id), SUM(m.mission_days)" + inFilter
        + " AND m.status IN " + SERVED + " GROUP BY m.receiving_service ORDER BY 1", p)
        .forEach(r -> {
          long[] counts = perService.computeIfAbsent((String) r.get(0), k -> new long[3]);
          counts[1] = (Long) r.get(1);
          counts[2] = (Long) r.get(2);
        });
    Table services = Table.of("Agents reassigned per service", "service", "agents sent", "agents received",
        "days received");
    perService.forEach((service, c) -> services.row(service, c[0], c[1], c[2]));

    Table answers = Table.of("Proposals by outcome", "status", "proposals");
    byStatus.forEach(answers::row);
    Table skills = Table.of("Secondary skills gained", "agent", "home service", "mission ended", "skills gained",
        "would do it again");
    sql.rows("SELECT m.user_id, m.home_service, m.end_date, m.skills_gained, m.would_do_again" + inFilter
        + " AND m.skills_gained IS NOT NULL ORDER BY m.end_date DESC FETCH FIRST 200 ROWS ONLY", p)
        .forEach(r -> skills.row(r.toArray()));
    return Section.of(id(), "Reassignments (micro-mobility)",
            "Period: mission start. Service: the agent's home service or the receiving service.",
            "Volunteer days: days of missions served against the days offered by the agents now in the pool"
                + " (at most " + settings.annualVolunteerDays() + " each per year).")
        .figure("agentsReassigned", served.get(0))
        .figure("volunteerDaysUsed", daysUsed)
        .figure("volunteerDaysOffered", pool.get(1))
        .figure("volunteersInPool", volunteers)
        .figure("yearlyQuotaDays", volunteers * settings.annualVolunteerDays())
        .figure("constraintsRespected", Sql.zero(served.get(2)))
        .figure("constraintsNotRespected", Sql.zero(served.get(3)))
        .figure("returnsOnTime", Sql.zero(served.get(4)))
        .figure("returnsEarly", Sql.zero(served.get(5)))
        .figure("declined", byStatus.get("DECLINED"))
        .figure("refusedByManager", byStatus.get("REFUSED"))
        .table("perService", services).table("outcomes", answers).table("skillsGained", skills);
  }
}
