package fr.reflexespublics.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Dedup keys of mails sent by process steps. Inside a job the key is the job id and the
 * activity: a retried or re-executed job keeps its id, a later loop iteration gets a new job.
 * Outside a job (no retry possible) the activity instance id serves.
 */
public final class DedupKeys {

  private DedupKeys() {}

  public static String forStep(DelegateExecution execution, String discriminator) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    String step = job != null
        ? "job:" + job.getId()
        : "activity:" + execution.getActivityInstanceId();
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + step
        + (discriminator == null || discriminator.isBlank() ? "" : ":" + discriminator);
  }
}
