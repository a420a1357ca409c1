package fr.reflexespublics.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application settings under {@code reflexes.*}.
 *
 * @param baseUrl public address of the application, used in links sent by mail
 * @param mail mail settings
 * @param demo demo organisation settings
 */
@ConfigurationProperties(prefix = "reflexes")
public record ReflexesProperties(String baseUrl, Mail mail, Demo demo) {

  public ReflexesProperties {
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = "http://localhost:8080";
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (mail == null) {
      mail = new Mail(null, null, 0, null);
    }
    if (demo == null) {
      demo = new Demo(false);
    }
  }

  /** Link that opens a task in Camunda Tasklist. */
  public String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /**
   * @param from sender address
   * @param retryCycle retry cycle of notification jobs (e.g. R5/PT5M)
   * @param maxGroupRecipients candidate groups larger than this are not mailed member by member
   * @param connectionIdle how long an SMTP connection stays open waiting for the next mail (PT0S:
   *     one connection per mail)
   */
  public record Mail(String from, String retryCycle, int maxGroupRecipients, java.time.Duration connectionIdle) {
    public Mail {
      connectionIdle = connectionIdle == null || connectionIdle.isNegative() ? java.time.Duration.ZERO
          : connectionIdle;
      from = from == null || from.isBlank() ? "reflexes@localhost" : from;
      retryCycle = retryCycle == null || retryCycle.isBlank() ? "R5/PT5M" : retryCycle;
      maxGroupRecipients = maxGroupRecipients <= 0 ? 50 : maxGroupRecipients;
    }
  }

  /** @param enabled whether the demo organisation is seeded */
  public record Demo(boolean enabled) {}
}
