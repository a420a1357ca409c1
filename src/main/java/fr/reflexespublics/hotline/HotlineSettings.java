package fr.reflexespublics.hotline;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy of the reverse hotline ({@code reflexes.hotline.*}).
 *
 * @param retryDelay ISO-8601 duration before calling again someone not reached
 * @param maxAttempts calls without answer before a home visit
 * @param orientationFollowUp ISO-8601 duration after which an unconfirmed orientation is reminded
 * @param urgentReminder ISO-8601 duration after which an open urgency is mailed again
 * @param proximityGroup group of the proximity brigade (home visits)
 * @param onCallAddress on-call mail address for urgent situations
 * @param experienceAttribute user info key marking experienced callers (value EXPERIENCED)
 * @param batchSize follow-ups started (or closed) per job
 * @param erasureCron when opted-out persons are erased (inside the history cleanup window)
 * @param services the services orientators route to: code → name and mail address
 */
@ConfigurationProperties(prefix = "reflexes.hotline")
public record HotlineSettings(String retryDelay, Integer maxAttempts, String orientationFollowUp, String urgentReminder,
    String proximityGroup, String onCallAddress, String experienceAttribute, Integer batchSize, String erasureCron,
    Map<String, Service> services) {

  /** A service that receives orientations. */
  public record Service(String name, String email) {}

  public HotlineSettings {
    retryDelay = blank(retryDelay) ? "PT4H" : retryDelay;
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    orientationFollowUp = blank(orientationFollowUp) ? "P3D" : orientationFollowUp;
    urgentReminder = blank(urgentReminder) ? "PT1H" : urgentReminder;
    proximityGroup = blank(proximityGroup) ? "orientators" : proximityGroup;
    onCallAddress = blank(onCallAddress) ? "on-call@localhost" : onCallAddress;
    experienceAttribute = blank(experienceAttribute) ? "hotline.experience" : experienceAttribute;
    batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    erasureCron = blank(erasureCron) ? "0 30 22 * * *" : erasureCron;
    services = services == null ? Map.of() : Map.copyOf(services);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
