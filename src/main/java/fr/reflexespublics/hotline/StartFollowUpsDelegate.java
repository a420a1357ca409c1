package fr.reflexespublics.hotline;

import fr.reflexespublics.hotline.CampaignProcess.Status;
import fr.reflexespublics.hotline.FollowUpBatchJobHandler.Action;
import fr.reflexespublics.platform.BackgroundJobs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_StartFollowUps}: one START batch job per page of the campaign's selection. */
@Component("startFollowUps")
public class StartFollowUpsDelegate implements JavaDelegate {

  private final CampaignService campaigns;
  private final RegisterService register;
  private final HotlineSettings settings;
  private final BackgroundJobs jobs;

  public StartFollowUpsDelegate(CampaignService campaigns, RegisterService register, HotlineSettings settings,
      BackgroundJobs jobs) {
    this.campaigns = campaigns;
    this.register = register;
    this.settings = settings;
    this.jobs = jobs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
    RegisterService.Selection selection = CampaignRecorder.selection(execution);
    campaigns.setStatus(campaignId, Status.RUNNING);
    FollowUpBatchJobHandler.plan(jobs, Action.START, campaignId,
        FollowUpBatchJobHandler.pageLastIds(after -> register.ids(selection, after, settings.batchSize()),
            settings.batchSize()));
  }
}
