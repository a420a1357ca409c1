package fr.reflexespublics.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the engine sees it (Camunda's {@link ClockUtil}): application records, due dates and
 * "not in the past" checks follow the same clock as timers, so tests that move the engine clock
 * move everything together.
 */
public final class Clocks {

  private Clocks() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(now(), zone);
  }

  /** A day at an hour in the administration's zone, as the engine's timers take it (a date). */
  public static Date at(LocalDate day, int hour, ZoneId zone) {
    return Date.from(day.atTime(hour, 0).atZone(zone).toInstant());
  }

  /**
   * The reminder of a deadline (a day at an hour in the zone): {@code before} it in the zone's
   * calendar, or now when that moment has passed.
   */
  public static Date reminder(LocalDate day, int hour, ZoneId zone, Period before) {
    ZonedDateTime reminder = day.atTime(hour, 0).atZone(zone).minus(before);
    ZonedDateTime now = ZonedDateTime.ofInstant(now(), zone);
    return Date.from((reminder.isBefore(now) ? now : reminder).toInstant());
  }
}
