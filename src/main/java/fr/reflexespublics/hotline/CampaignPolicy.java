package fr.reflexespublics.hotline;

/**
 * The follow-up policy of a campaign, fixed when the campaign starts: its call interval and the
 * periods, attempts and addresses of {@code reflexes.hotline.*} at that moment. Kept on the
 * campaign record; every follow-up of the campaign reads it through {@link FollowUpPolicy}.
 *
 * @param callIntervalDays days between two calls to the same person
 * @param retryDelay ISO-8601 duration before calling again someone not reached
 * @param maxAttempts calls without answer before a home visit
 * @param orientationFollowUp ISO-8601 duration after which an unconfirmed orientation is reminded
 * @param urgentReminder ISO-8601 duration after which an open urgency is mailed again
 * @param proximityGroup group of the proximity brigade (home visits)
 * @param onCallAddress on-call mail address for urgent situations
 */
public record CampaignPolicy(int callIntervalDays, String retryDelay, int maxAttempts, String orientationFollowUp,
    String urgentReminder, String proximityGroup, String onCallAddress) {

  /** The policy of a campaign starting now with this call interval. */
  public static CampaignPolicy of(int callIntervalDays, HotlineSettings settings) {
    return new CampaignPolicy(callIntervalDays, settings.retryDelay(), settings.maxAttempts(),
        settings.orientationFollowUp(), settings.urgentReminder(), settings.proximityGroup(), settings.onCallAddress());
  }

  /** Fills what a campaign started before policies were recorded lacks with the current settings. */
  CampaignPolicy orDefaults(HotlineSettings settings) {
    return new CampaignPolicy(callIntervalDays, retryDelay == null ? settings.retryDelay() : retryDelay,
        maxAttempts > 0 ? maxAttempts : settings.maxAttempts(),
        orientationFollowUp == null ? settings.orientationFollowUp() : orientationFollowUp,
        urgentReminder == null ? settings.urgentReminder() : urgentReminder,
        proximityGroup == null ? settings.proximityGroup() : proximityGroup,
        onCallAddress == null ? settings.onCallAddress() : onCallAddress);
  }

  /** The call interval as an ISO-8601 duration, for the next-call timer. */
  public String callInterval() {
    return "P" + callIntervalDays + "D";
  }
}
