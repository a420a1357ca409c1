package fr.reflexespublics.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * On every user task creation (added to all user tasks by {@link TaskNotificationParseListener}):
 * schedules a {@link TaskNotificationJobHandler} job in the same transaction.
 */
public class TaskNotificationListener implements TaskListener {

  private final int initialRetries;

  public TaskNotificationListener(String retryCycle) {
    this.initialRetries = ParseUtil.parseRetryIntervals(retryCycle).getRetries();
  }

  @Override
  public void notify(DelegateTask task) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TaskNotificationJobHandler.TYPE);
    job.setJobHandlerConfigurationRaw(task.getId());
    job.setRetries(initialRetries);
    if (execution != null) {
      job.setExecution(execution);
      job.setActivityId(task.getTaskDefinitionKey());
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
      job.setDeploymentId(execution.getProcessDefinition().getDeploymentId());
      job.setTenantId(execution.getTenantId());
    }
    Context.getCommandContext().getJobManager().send(job);
  }
}
