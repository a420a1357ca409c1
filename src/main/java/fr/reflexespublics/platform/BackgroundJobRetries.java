package fr.reflexespublics.platform;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * Gives the project's background jobs (job handler types starting with {@value #TYPE_PREFIX}:
 * task notifications, follow-up batches) the same back-off as BPMN jobs. The engine applies retry
 * cycles only to jobs of BPMN activities; other job types would be retried immediately three times.
 */
public class BackgroundJobRetries extends DefaultFailedJobCommandFactory {

  public static final String TYPE_PREFIX = "reflexes-";

  private final FailedJobRetryConfiguration cycle;

  public BackgroundJobRetries(String retryCycle) {
    this.cycle = ParseUtil.parseRetryIntervals(retryCycle);
  }

  static boolean isBackgroundJob(JobEntity job) {
    return job.getJobHandlerType() != null && job.getJobHandlerType().startsWith(TYPE_PREFIX);
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new RetryCmd(jobId, exception);
  }

  private class RetryCmd extends DefaultJobRetryCmd {

    RetryCmd(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || !isBackgroundJob(job)) {
        return super.execute(commandContext);
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      if (isBackgroundJob(job)) {
        return cycle;
      }
      return super.getFailedJobRetryConfiguration(job, activity);
    }
  }
}
