package fr.reflexespublics.platform;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.stereotype.Component;

/**
 * Creates background jobs (custom job handlers) in the current engine transaction: not exclusive
 * (they run in parallel on the job executor of every node), retried with the project's back-off.
 */
@Component
public class BackgroundJobs {

  private final int initialRetries;

  public BackgroundJobs(ReflexesProperties properties) {
    this.initialRetries = ParseUtil.parseRetryIntervals(properties.mail().retryCycle()).getRetries();
  }

  public void create(String handlerType, String configuration) {
    if (!handlerType.startsWith(BackgroundJobRetries.TYPE_PREFIX)) {
      throw new IllegalArgumentException("Background job types start with " + BackgroundJobRetries.TYPE_PREFIX);
    }
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(handlerType);
    job.setJobHandlerConfigurationRaw(configuration);
    job.setExclusive(false);
    job.setRetries(initialRetries);
    Context.getCommandContext().getJobManager().send(job);
  }
}
