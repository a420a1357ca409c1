package fr.reflexespublics.retex;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of retex rituals ({@code reflexes.retex.*}).
 *
 * @param actionReviewDelay ISO-8601 duration between publishing the results and reviewing the actions
 * @param reminderBefore how long before the testimony deadline the participants who have not answered are reminded
 * @param yearly the yearly ritual, trained even without a crisis
 */
@ConfigurationProperties(prefix = "reflexes.retex")
public record RetexSettings(String actionReviewDelay, Period reminderBefore, Yearly yearly) {

  /**
   * @param enabled whether the yearly timer start event runs (off by default)
   * @param cycle its cycle (Camunda cron or ISO-8601 repetition), e.g. every 15 January at 9:00
   * @param participantGroup who takes part
   * @param testimonyPeriod how long participants have to testify
   */
  public record Yearly(boolean enabled, String cycle, String participantGroup, Period testimonyPeriod) {
    public Yearly {
      cycle = cycle == null || cycle.isBlank() ? "0 0 9 15 1 ?" : cycle;
      participantGroup = participantGroup == null || participantGroup.isBlank() ? "agents" : participantGroup;
      testimonyPeriod = testimonyPeriod == null ? Period.ofDays(14) : testimonyPeriod;
    }
  }

  public RetexSettings {
    actionReviewDelay = actionReviewDelay == null || actionReviewDelay.isBlank() ? "P90D" : actionReviewDelay;
    reminderBefore = reminderBefore == null ? Period.ofDays(2) : reminderBefore;
    yearly = yearly == null ? new Yearly(false, null, null, null) : yearly;
  }
}
