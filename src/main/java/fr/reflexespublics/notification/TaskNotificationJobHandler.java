package fr.reflexespublics.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs the "new task" mail as a job of its own, so that an SMTP failure fails this job (retried
 * with back-off, then an incident in Cockpit) and never the transaction that created the task.
 */
@Component
public class TaskNotificationJobHandler implements JobHandler<TaskNotificationJobHandler.TaskRef> {

  public static final String TYPE = fr.reflexespublics.platform.BackgroundJobRetries.TYPE_PREFIX + "task-notification";

  private final TaskNotifier notifier;

  public TaskNotificationJobHandler(@Lazy TaskNotifier notifier) {
    this.notifier = notifier;
  }

  /** Job configuration: the id of the task to announce. */
  public record TaskRef(String taskId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return taskId;
    }
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(TaskRef configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(configuration.taskId());
    if (task == null) {
      return; // completed or cancelled before the mail went out: nothing to announce
    }
    notifier.notifyCreated(task);
  }

  @Override
  public TaskRef newConfiguration(String canonicalString) {
    return new TaskRef(canonicalString);
  }

  @Override
  public void onDelete(TaskRef configuration, JobEntity jobEntity) {
    // nothing to clean up
  }
}
