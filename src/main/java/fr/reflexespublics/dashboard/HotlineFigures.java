package fr.reflexespublics.dashboard;

import static fr.reflexespublics.dashboard.Sql.ifTrue;

import fr.reflexespublics.hotline.HotlineSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reverse hotline: people followed, calls, reach, difficulties, the orientation backlog. Counts
 * only: no resident is named, no phone number or area leaves the database.
 */
@Component
@Order(4)
public class HotlineFigures implements DashboardSection {

  private static final long WEEK_SECONDS = 7 * 24 * 3600L;

  private final Sql sql;
  private final HotlineSettings settings;

  public HotlineFigures(Sql sql, HotlineSettings settings) {
    this.sql = sql;
    this.settings = settings;
  }

  @Override
  public String id() {
    return "hotline";
  }

  @Override
  public Section compute(DashboardFilter filter) {
    Map<String, Object> p = sql.params(filter);
    Duration followUp = Duration.parse(settings.orientationFollowUp());
    Instant now = ((Timestamp) p.get("now")).toInstant();
    p.put("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))));
    p.put("followUpAgo", Timestamp.from(now.minus(followUp)));
    p.put("fromEpoch", filter.fromTime(sql.zone()).getTime() / 1000);

    long persons = sql.count("SELECT COUNT(DISTINCT m.person_id) FROM campaign_member m"
        + " JOIN hotline_campaign c ON c.id = m.campaign_id"
        + " WHERE c.started_at < :to AND (c.closed_at IS NULL OR c.closed_at >= :from)", p);
    String calls = " FROM call_log l WHERE l.called_at >= :from AND l.called_at < :to"
        + Sql.andAgentOfService(filter, "l.caller");
    List<Object> totals = sql.row("SELECT COUNT(*), COALESCE(SUM(" + ifTrue("l.reached") + "), 0), COALESCE(SUM("
        + ifTrue("l.difficulty_detected") + "), 0), COALESCE(SUM(" + ifTrue("l.urgent") + "), 0)" + calls, p);
    long callCount = (Long) totals.get(0);
    long reached = (Long) totals.get(1);

    Table weekly = Table.of("Calls per week", "week of", "calls", "reached", "difficulties detected");
    for (List<Object> r : sql.rows("SELECT w.week, COUNT(*), SUM(" + ifTrue("w.reached") + "), SUM("
        + ifTrue("w.difficulty_detected") + ") FROM (SELECT FLOOR((EXTRACT(EPOCH FROM l.called_at) - :fromEpoch) / "
        + WEEK_SECONDS + ") AS week, l.reached, l.difficulty_detected" + calls + ") w GROUP BY w.week ORDER BY w.week",
        p)) {
      LocalDate weekOf = filter.from().plusWeeks(((Number) r.get(0)).longValue());
      weekly.row(weekOf.toString(), r.get(1), r.get(2), r.get(3));
    }

    Table backlog = Table.of("Orientation requests open, by age (follow-up delay " + followUp.toDays() + " days)",
        "age", "open requests", "of which urgent", "over the follow-up delay");
    List<Object> ages = sql.row("""
        SELECT SUM(CASE WHEN o.created_at >= :dayAgo THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.created_at < :dayAgo AND o.created_at >= :followUpAgo THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.created_at < :followUpAgo THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.created_at >= :dayAgo AND o.urgent THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.created_at < :dayAgo AND o.created_at >= :followUpAgo AND o.urgent THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.created_at < :followUpAgo AND o.urgent THEN 1 ELSE 0 END)
          FROM orientation_request o WHERE o.status <> 'HANDLED'""", p);
    backlog.row("under 1 day", Sql.zero(ages.get(0)), Sql.zero(ages.get(3)), false);
    backlog.row("1 day to " + followUp.toDays() + " days", Sql.zero(ages.get(1)), Sql.zero(ages.get(4)), false);
    backlog.row("over " + followUp.toDays() + " days", Sql.zero(ages.get(2)), Sql.zero(ages.get(5)), true);

    long urgentEscalations = sql.count("SELECT COUNT(*) FROM orientation_request o WHERE o.urgent"
        + " AND o.created_at >= :from AND o.created_at < :to", p);
    return Section.of(id(), "Reverse hotline",
            "Persons followed: members of the campaigns running during the period. Calls: call date; service: the"
                + " caller's service.",
            "Orientation backlog: today, whatever the period; requests over the follow-up delay are highlighted.",
            "No resident is named here.")
        .figure("personsFollowed", persons)
        .figure("calls", callCount)
        .figure("reachRatePercent", Sql.percent(reached, callCount))
        .figure("difficultiesDetected", totals.get(2))
        .figure("urgentCalls", totals.get(3))
        .figure("urgentEscalations", urgentEscalations)
        .figure("orientationsOverDelay", Sql.zero(ages.get(2)))
        .table("callsPerWeek", weekly).table("orientationBacklog", backlog);
  }
}
