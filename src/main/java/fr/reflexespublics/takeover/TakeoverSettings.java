package fr.reflexespublics.takeover;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of partner takeovers ({@code reflexes.takeover.*}).
 *
 * @param reviewInterval ISO-8601 duration between two operation reviews
 */
@ConfigurationProperties(prefix = "reflexes.takeover")
public record TakeoverSettings(String reviewInterval) {

  public TakeoverSettings {
    reviewInterval = reviewInterval == null || reviewInterval.isBlank() ? "P7D" : reviewInterval;
  }
}
