package fr.reflexespublics.dashboard;

import static fr.reflexespublics.dashboard.Sql.ifTrue;

import fr.reflexespublics.hotline.HotlineSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reverse hotline: people followed, calls, reach, difficulties, the orientation backlog. Counts
 * only: no resident is named, no phone number or area leaves the database.
 */
@Component
@Order(4)
public class HotlineFigures implements DashboardSection {

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

    long persons = sql.count("SELECT COUNT(DISTINCT m.person_id) FROM campaign_member m"
        + " JOIN hotline_campaign c ON c.id = m.campaign_id"
        + " WHERE c.started_at < :to AND (c.closed_at IS NULL OR c.closed_at >= :from)", p);
    // One pass over the period's calls, grouped by hour (stored wall time, so that the day of each
    // hour is taken in the administration's zone); totals and weeks are summed from the hours here.
    // Grouping by an expression of the timestamp itself was twice as slow on PostgreSQL.
    String hour = "DATE_TRUNC('hour', l.called_at)";
    long[] totals = new long[4];
    TreeMap<Long, long[]> weeks = new TreeMap<>();
    sql.forEachRow("SELECT " + hour + ", COUNT(*), SUM(" + ifTrue("l.reached") + "), SUM("
        + ifTrue("l.difficulty_detected") + "), SUM(" + ifTrue("l.urgent") + ") FROM call_log l"
        + " WHERE l.called_at >= :from AND l.called_at < :to" + Sql.andAgentOfService(filter, "l.caller")
        + " GROUP BY " + hour, p, rs -> {
          LocalDate day = rs.getTimestamp(1).toInstant().atZone(sql.zone()).toLocalDate();
          long[] week = weeks.computeIfAbsent(ChronoUnit.DAYS.between(filter.from(), day) / 7, w -> new long[3]);
          for (int c = 0; c < totals.length; c++) {
            long value = rs.getLong(c + 2);
            totals[c] += value;
            if (c < week.length) {
              week[c] += value;
            }
          }
        });
    long callCount = totals[0];
    long reached = totals[1];

    Table weekly = Table.of("Calls per week", "week of", "calls", "reached", "difficulties detected");
    weeks.forEach((week, w) -> weekly.row(filter.from().plusWeeks(week).toString(), w[0], w[1], w[2]));

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
        .figure("difficultiesDetected", totals[2])
        .figure("urgentCalls", totals[3])
        .figure("urgentEscalations", urgentEscalations)
        .figure("orientationsOverDelay", Sql.zero(ages.get(2)))
        .table("callsPerWeek", weekly).table("orientationBacklog", backlog);
  }
}
