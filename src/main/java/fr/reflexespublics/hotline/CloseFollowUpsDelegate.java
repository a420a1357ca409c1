package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.CampaignProcess.*;

import fr.reflexespublics.hotline.FollowUpBatchJobHandler.Action;
import fr.reflexespublics.platform.BackgroundJobs;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseFollowUps}: closes the campaign (no more starts), plans one CLOSE batch job per
 * page of its members, and sets the figures of the coordinator's summary.
 */
@Component("closeFollowUps")
public class CloseFollowUpsDelegate implements JavaDelegate {

  private final CampaignService campaigns;
  private final HotlineSettings settings;
  private final BackgroundJobs jobs;

  public CloseFollowUpsDelegate(CampaignService campaigns, HotlineSettings settings, BackgroundJobs jobs) {
    this.campaigns = campaigns;
    this.settings = settings;
    this.jobs = jobs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
    campaigns.setStatus(campaignId, Status.CLOSED);
    FollowUpBatchJobHandler.plan(jobs, Action.CLOSE, campaignId, FollowUpBatchJobHandler.pageLastIds(
        after -> campaigns.members(campaignId, after, settings.batchSize()).stream().map(m -> m[0]).toList(),
        settings.batchSize()));
    Map<String, Object> figures = campaigns.figures(campaignId);
    execution.setVariable(SUMMARY_FOLLOWED, figures.get("started"));
    execution.setVariable(SUMMARY_CALLS, figures.get("callsMade"));
    execution.setVariable(SUMMARY_REACHED_PERCENT, figures.get("reachedPercent"));
    execution.setVariable(SUMMARY_DIFFICULTIES, figures.get("difficulties"));
    execution.setVariable(SUMMARY_ORIENTATIONS_OPEN, figures.get("orientationsOpen"));
    execution.setVariable(SUMMARY_URGENT, figures.get("urgentSituations"));
  }
}
