package fr.reflexespublics.dashboard;

import static fr.reflexespublics.dashboard.Sql.daysBetween;
import static fr.reflexespublics.dashboard.Sql.median;

import fr.reflexespublics.relay.RelayProcess;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Relay porting: adoption rate, time to adoption, the adopted-practices catalogue. */
@Component
@Order(2)
public class RelayFigures implements DashboardSection {

  private final Sql sql;

  public RelayFigures(Sql sql) {
    this.sql = sql;
  }

  @Override
  public String id() {
    return "relays";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    String inFilter = " FROM relay r WHERE r.started_at >= :from AND r.started_at < :to"
        + Sql.andService(filter, "r.carrier_department");
    Map<String, Long> byStatus = sql.countsBy("SELECT r.status, COUNT(*)" + inFilter + " GROUP BY r.status", p,
        Sql.names(RelayProcess.Status.values()));
    Object medianDays = sql.row("SELECT " + median(daysBetween("r.started_at", "r.ended_at")) + inFilter
        + " AND r.status = 'ADOPTED' AND r.ended_at IS NOT NULL", p).get(0);
    long adopted = byStatus.get(RelayProcess.Status.ADOPTED.name());
    long decided = adopted + byStatus.get(RelayProcess.Status.NOT_ADOPTED.name());

    Table status = Table.of("Relays by status", "status", "relays");
    byStatus.forEach(status::row);
    Table catalogue = Table.of("Adopted practices", "adopted on", "practice", "department", "carrier");
    List<List<Object>> practices = sql.rows("SELECT a.adopted_at, a.title, a.department_id, a.carrier_user_id"
        + " FROM adopted_practice a WHERE a.adopted_at >= :from AND a.adopted_at < :to"
        + Sql.andService(filter, "a.department_id") + " ORDER BY a.adopted_at DESC FETCH FIRST 200 ROWS ONLY", p);
    practices.forEach(r -> catalogue.row(r.toArray()));
    return Section.of(id(), "Relay porting",
            "Period: start of the relay (catalogue: adoption date). Service: the department carrying the practice.",
            "Adoption rate: adopted among the relays that reached a decision.")
        .figure("relays", byStatus.values().stream().mapToLong(Long::longValue).sum())
        .figure("adopted", adopted)
        .figure("adoptionRatePercent", Sql.percent(adopted, decided))
        .figure("medianDaysToAdoption", medianDays)
        .table("status", status).table("catalogue", catalogue);
  }
}
