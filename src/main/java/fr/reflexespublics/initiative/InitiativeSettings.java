package fr.reflexespublics.initiative;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of initiatives ({@code reflexes.initiative.*}): the yearly quota of initiative days per
 * agent, the manager's non-opposition period, when the report reminder goes out.
 *
 * @param annualQuotaDays initiative days per agent and calendar year (of the planned start)
 * @param nonOppositionPeriod ISO-8601 duration after which silence is consent
 * @param reportReminderBefore how long before the report's due date the reminder is mailed
 */
@ConfigurationProperties(prefix = "reflexes.initiative")
public record InitiativeSettings(Integer annualQuotaDays, String nonOppositionPeriod, Period reportReminderBefore) {

  public InitiativeSettings {
    annualQuotaDays = annualQuotaDays == null ? 10 : annualQuotaDays;
    nonOppositionPeriod = nonOppositionPeriod == null || nonOppositionPeriod.isBlank() ? "P5D" : nonOppositionPeriod;
    reportReminderBefore = reportReminderBefore == null ? Period.ofDays(2) : reportReminderBefore;
  }
}
