package fr.reflexespublics.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
}
