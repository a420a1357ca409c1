package fr.reflexespublics.dashboard;

import fr.reflexespublics.retex.RetexProcess;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Retex rituals: how many agents testified, lessons, and the owned actions (open, overdue, done). */
@Component
@Order(6)
public class RetexFigures implements DashboardSection {

  private final Sql sql;

  public RetexFigures(Sql sql) {
    this.sql = sql;
  }

  @Override
  public String id() {
    return "retex";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    String retexInPeriod = "SELECT r.id FROM retex r WHERE r.launched_at >= :from AND r.launched_at < :to";
    List<Object> totals = sql.row("SELECT COUNT(*), COALESCE(SUM(r.participant_count), 0),"
        + " COALESCE(SUM(r.testimony_count), 0) FROM retex r WHERE r.id IN (" + retexInPeriod + ")", p);
    long lessons = sql.count("SELECT COUNT(*) FROM retex_lesson l WHERE l.retex_id IN (" + retexInPeriod + ")", p);
    List<Object> dissents = sql.row("SELECT COUNT(*), SUM(CASE WHEN d.answer IS NOT NULL THEN 1 ELSE 0 END)"
        + " FROM retex_dissent d WHERE d.retex_id IN (" + retexInPeriod + ")", p);
    String actions = " FROM retex_action a WHERE a.retex_id IN (" + retexInPeriod + ")"
        + Sql.andAgentOfService(filter, "a.owner");
    Map<String, Long> byStatus = sql.countsBy("SELECT a.status, COUNT(*)" + actions + " GROUP BY a.status", p,
        Sql.names(RetexProcess.ActionStatus.values()));
    long overdue = sql.count("SELECT COUNT(*)" + actions + " AND a.status IN ('OPEN', 'IN_PROGRESS')"
        + " AND a.due_date < :today", p);

    Table rituals = Table.of("Retex rituals", "launched", "retex", "crisis phase", "participants", "testimonies",
        "response %", "lessons", "actions", "published");
    for (List<Object> r : sql.rows("""
        SELECT r.launched_at, r.title, r.crisis_phase, r.participant_count, r.testimony_count,
               (SELECT COUNT(*) FROM retex_lesson l WHERE l.retex_id = r.id),
               (SELECT COUNT(*) FROM retex_action a WHERE a.retex_id = r.id), r.published_at
          FROM retex r WHERE r.launched_at >= :from AND r.launched_at < :to
         ORDER BY r.launched_at DESC FETCH FIRST 200 ROWS ONLY""", p)) {
      rituals.row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
          Sql.percent((Long) r.get(4), (Long) r.get(3)), r.get(5), r.get(6), r.get(7));
    }
    Table actionTable = Table.of("Actions by status", "status", "actions");
    byStatus.forEach(actionTable::row);
    actionTable.row("OVERDUE (open or in progress, past due)", overdue);
    return Section.of(id(), "Retex rituals",
            "Period: launch of the retex. Service: owners of the actions (actions only).",
            "Testimonies are counted, never shown here: anonymous ones have no author at all.")
        .figure("retex", totals.get(0))
        .figure("testimonyResponseRatePercent", Sql.percent((Long) totals.get(2), (Long) totals.get(1)))
        .figure("lessons", lessons)
        .figure("dissents", dissents.get(0))
        .figure("dissentsAnswered", Sql.zero(dissents.get(1)))
        .figure("actionsOpen", byStatus.get("OPEN") + byStatus.get("IN_PROGRESS"))
        .figure("actionsOverdue", overdue)
        .figure("actionsDone", byStatus.get("DONE"))
        .table("rituals", rituals).table("actions", actionTable);
  }
}
