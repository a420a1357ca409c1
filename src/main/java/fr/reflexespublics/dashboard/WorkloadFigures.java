package fr.reflexespublics.dashboard;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Workload: open and overdue user tasks per candidate group and per service, and how tasks are
 * spread over agents (the investigation's "burn out vs bore out" gap). Read from the engine's
 * runtime tables with aggregates; task names and variables (which may concern residents) are not
 * read.
 */
@Component
@Order(7)
public class WorkloadFigures implements DashboardSection {

  /** An agent with more open tasks than this is "overloaded". */
  public static final int MANY_TASKS = 10;

  private final Sql sql;

  public WorkloadFigures(Sql sql) {
    this.sql = sql;
  }

  @Override
  public String id() {
    return "workload";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    Table groups = Table.of("Group tasks waiting for someone", "candidate group", "open", "overdue");
    sql.rows("SELECT il.GROUP_ID_, COUNT(DISTINCT t.ID_),"
        + " COUNT(DISTINCT CASE WHEN t.DUE_DATE_ < :now THEN t.ID_ END)"
        + " FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK il ON il.TASK_ID_ = t.ID_"
        + " WHERE il.TYPE_ = 'candidate' AND il.GROUP_ID_ IS NOT NULL AND t.ASSIGNEE_ IS NULL"
        + (filter.hasService() ? " AND il.GROUP_ID_ IN (SELECT m.GROUP_ID_ FROM ACT_ID_MEMBERSHIP m"
            + " JOIN org_agent sa ON sa.user_id = m.USER_ID_ WHERE sa.service_id = :service)" : "")
        + " GROUP BY il.GROUP_ID_ ORDER BY il.GROUP_ID_", p).forEach(r -> groups.row(r.toArray()));
    Table services = Table.of("Assigned tasks per service", "service", "agents", "open tasks", "overdue");
    sql.rows("SELECT a.service_id, COUNT(DISTINCT a.user_id), COUNT(t.ID_),"
        + " SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END)"
        + " FROM org_agent a LEFT JOIN ACT_RU_TASK t ON t.ASSIGNEE_ = a.user_id WHERE 1 = 1"
        + Sql.andService(filter, "a.service_id") + " GROUP BY a.service_id ORDER BY a.service_id", p)
        .forEach(r -> services.row(r.get(0), r.get(1), r.get(2), Sql.zero(r.get(3))));
    String load = "SELECT a.user_id AS agent, a.service_id AS service, COUNT(t.ID_) AS tasks FROM org_agent a"
        + " LEFT JOIN ACT_RU_TASK t ON t.ASSIGNEE_ = a.user_id WHERE 1 = 1" + Sql.andService(filter, "a.service_id")
        + " GROUP BY a.user_id, a.service_id";
    List<Object> spread = sql.row("SELECT COUNT(*), SUM(CASE WHEN x.tasks = 0 THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN x.tasks BETWEEN 1 AND " + MANY_TASKS + " THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN x.tasks > " + MANY_TASKS + " THEN 1 ELSE 0 END) FROM (" + load + ") x", p);
    Table spreadTable = Table.of("Agents by number of open tasks", "open tasks", "agents");
    spreadTable.row("none", Sql.zero(spread.get(1)));
    spreadTable.row("1 to " + MANY_TASKS, Sql.zero(spread.get(2)));
    spreadTable.row("more than " + MANY_TASKS, Sql.zero(spread.get(3)));
    Table busiest = Table.of("Most loaded agents", "agent", "service", "open tasks");
    sql.rows("SELECT x.agent, x.service, x.tasks FROM (" + load + ") x WHERE x.tasks > 0"
        + " ORDER BY x.tasks DESC, x.agent FETCH FIRST 10 ROWS ONLY", p).forEach(r -> busiest.row(r.toArray()));
    long openGroup = groups.rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
    long overdueGroup = groups.rows().stream().mapToLong(r -> ((Number) r.get(2)).longValue()).sum();
    return Section.of(id(), "Workload",
            "Today, whatever the period. Service: agents of the service, and the groups they belong to.",
            "Only counts of tasks: no task content, so no resident, appears here.")
        .figure("groupTasksOpen", openGroup)
        .figure("groupTasksOverdue", overdueGroup)
        .figure("agentsWithoutTask", Sql.zero(spread.get(1)))
        .figure("agentsOverloaded", Sql.zero(spread.get(3)))
        .table("groups", groups).table("services", services).table("spread", spreadTable).table("busiest", busiest);
  }
}
