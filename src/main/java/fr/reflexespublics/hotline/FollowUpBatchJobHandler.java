package fr.reflexespublics.hotline;

import fr.reflexespublics.platform.BackgroundJobRetries;
import fr.reflexespublics.platform.BackgroundJobs;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One batch of a campaign: starts the follow-ups of the persons in a range of register ids, or
 * closes the follow-ups of a range of members. Each batch is one transaction; a person already
 * followed by the campaign is skipped (the member row and the instance are written together), so
 * a retried or re-executed batch never starts anyone twice.
 */
@Component
public class FollowUpBatchJobHandler implements JobHandler<FollowUpBatchJobHandler.Batch> {

  public static final String TYPE = BackgroundJobRetries.TYPE_PREFIX + "follow-up-batch";
  private static final Logger LOG = LoggerFactory.getLogger(FollowUpBatchJobHandler.class);

  private final CampaignService campaigns;
  private final RegisterService register;
  private final RuntimeService runtimeService;

  public FollowUpBatchJobHandler(CampaignService campaigns, RegisterService register,
      @Lazy RuntimeService runtimeService) {
    this.campaigns = campaigns;
    this.register = register;
    this.runtimeService = runtimeService;
  }

  /** What a batch does, on which campaign, over which range (after, last]. */
  public enum Action { START, CLOSE }

  /** The job's configuration. */
  public record Batch(Action action, String campaignId, String after, String last) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return action + "|" + campaignId + "|" + after + "|" + last;
    }
  }

  /** Plans the batches of a range of ids: one job per page of {@code batchSize}. */
  public static void plan(BackgroundJobs jobs, Action action, String campaignId, List<String> pageLastIds) {
    String after = "";
    for (String last : pageLastIds) {
      jobs.create(TYPE, new Batch(action, campaignId, after, last).toCanonicalString());
      after = last;
    }
  }

  /** The last id of every page of a keyset-paged list ({@code page} gives the page after an id). */
  public static List<String> pageLastIds(java.util.function.Function<String, List<String>> page, int pageSize) {
    List<String> lastIds = new java.util.ArrayList<>();
    String after = null;
    while (true) {
      List<String> ids = page.apply(after);
      if (ids.isEmpty()) {
        return lastIds;
      }
      after = ids.get(ids.size() - 1);
      lastIds.add(after);
      if (ids.size() < pageSize) {
        return lastIds;
      }
    }
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Batch batch, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    if (batch.action() == Action.START) {
      start(batch);
    } else {
      close(batch);
    }
  }

  private void start(Batch batch) {
    CampaignService.Campaign campaign = campaigns.find(batch.campaignId()).orElseThrow();
    if (campaign.status() == CampaignProcess.Status.CLOSED) {
      LOG.info("Campaign {} is closed: batch after {} starts nothing", batch.campaignId(), batch.after());
      return;
    }
    java.util.Set<String> members = campaigns.membersBetween(campaign.id(), batch.after(), batch.last());
    int started = 0;
    for (String personId : register.idsBetween(campaign.selection(), batch.after(), batch.last())) {
      if (members.contains(personId)) {
        continue;
      }
      String instance = runtimeService.startProcessInstanceByKey(FollowUpProcess.KEY, personId,
          Variables.createVariables()
              .putValue(FollowUpProcess.CAMPAIGN_ID, campaign.id())
              .putValue(FollowUpProcess.PERSON_ID, personId)).getId();
      campaigns.addMember(campaign.id(), personId, instance);
      started++;
    }
    // The campaign row is locked only now, until the commit: batches start their follow-ups in
    // parallel instead of one after the other, and a closing that committed while this batch ran
    // rolls it back (retried, it then starts nothing); a closing after this lock waits for the
    // commit and sees this batch's members.
    if (started > 0 && !campaigns.lockIfOpen(campaign.id())) {
      throw new IllegalStateException("Campaign " + campaign.id() + " closed while a batch was starting its "
          + "follow-ups: the batch is rolled back");
    }
    LOG.info("Campaign {}: {} follow-up(s) started in this batch", campaign.id(), started);
  }

  private void close(Batch batch) {
    int closed = 0;
    String after = batch.after();
    while (true) {
      List<String[]> members = campaigns.members(batch.campaignId(), after, 500);
      for (String[] member : members) {
        if (member[0].compareTo(batch.last()) > 0) {
          LOG.info("Campaign {}: {} follow-up(s) told to stop calling in this batch", batch.campaignId(), closed);
          return;
        }
        closed += runtimeService.createMessageCorrelation(FollowUpProcess.MESSAGE_CAMPAIGN_CLOSED)
            .processInstanceId(member[1]).correlateAllWithResult().size();
        after = member[0];
      }
      if (members.size() < 500) {
        break;
      }
    }
    LOG.info("Campaign {}: {} follow-up(s) told to stop calling in this batch", batch.campaignId(), closed);
  }

  @Override
  public Batch newConfiguration(String canonicalString) {
    String[] parts = canonicalString.split("\\|", -1);
    return new Batch(Action.valueOf(parts[0]), parts[1], parts[2], parts[3]);
  }

  @Override
  public void onDelete(Batch configuration, JobEntity jobEntity) {
    // nothing to clean up
  }
}
