package fr.reflexespublics.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dashboard's filter: a period (inclusive dates) and optionally one service of the
 * organisation. Each section says which of its figures the filter applies to.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String service) {

  /** Start of the first day, in the administration's time zone. */
  public Timestamp fromTime(ZoneId zone) {
    return Timestamp.from(from.atStartOfDay(zone).toInstant());
  }

  /** Start of the day after the last one (exclusive bound). */
  public Timestamp toTimeExclusive(ZoneId zone) {
    return Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public boolean hasService() {
    return service != null;
  }
}
