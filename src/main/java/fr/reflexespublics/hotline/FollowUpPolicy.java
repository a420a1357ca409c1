package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.FollowUpProcess.CAMPAIGN_ID;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the follow-up process reads of its campaign's policy ({@code ${followUpPolicy.xxx(execution)}}
 * in timers, conditions, candidate groups and mail addresses): looked up by the follow-up's
 * campaign id. A policy never changes once its campaign has started, so it is read from the
 * database once per campaign and node, then kept in memory.
 */
@Component("followUpPolicy")
public class FollowUpPolicy {

  /** Campaigns are few (a handful a year): past this, the memory starts afresh. */
  static final int MAX_CACHED = 1_000;

  private final CampaignService campaigns;
  private final HotlineSettings settings;
  private final Map<String, CampaignPolicy> cache = new ConcurrentHashMap<>();

  public FollowUpPolicy(CampaignService campaigns, HotlineSettings settings) {
    this.campaigns = campaigns;
    this.settings = settings;
  }

  /** The policy of the campaign a follow-up belongs to. */
  public CampaignPolicy of(VariableScope followUp) {
    String campaignId = (String) followUp.getVariable(CAMPAIGN_ID);
    CampaignPolicy policy = cache.get(campaignId);
    if (policy == null) {
      policy = campaigns.policy(campaignId)
          .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " is not recorded"))
          .orDefaults(settings);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(campaignId, policy);
    }
    return policy;
  }

  public String callInterval(VariableScope followUp) {
    return of(followUp).callInterval();
  }

  public String retryDelay(VariableScope followUp) {
    return of(followUp).retryDelay();
  }

  public int maxAttempts(VariableScope followUp) {
    return of(followUp).maxAttempts();
  }

  public String orientationFollowUp(VariableScope followUp) {
    return of(followUp).orientationFollowUp();
  }

  public String urgentReminder(VariableScope followUp) {
    return of(followUp).urgentReminder();
  }

  public String proximityGroup(VariableScope followUp) {
    return of(followUp).proximityGroup();
  }

  public String onCallAddress(VariableScope followUp) {
    return of(followUp).onCallAddress();
  }
}
