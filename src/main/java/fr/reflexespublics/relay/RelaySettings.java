package fr.reflexespublics.relay;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of relay porting ({@code reflexes.relay.*}).
 *
 * @param checkpointInterval ISO-8601 duration between two checkpoints of the co-piloting
 * @param maxDeclines declines after which the directors arbitrate
 * @param defaultRelayPeriod relay deadline given by an arbitration that names none
 */
@ConfigurationProperties(prefix = "reflexes.relay")
public record RelaySettings(String checkpointInterval, Integer maxDeclines, Period defaultRelayPeriod) {

  public RelaySettings {
    checkpointInterval = checkpointInterval == null || checkpointInterval.isBlank() ? "P14D" : checkpointInterval;
    maxDeclines = maxDeclines == null ? 3 : maxDeclines;
    defaultRelayPeriod = defaultRelayPeriod == null ? Period.ofDays(90) : defaultRelayPeriod;
  }
}
