package fr.reflexespublics.security.forms;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Engine command interceptor (inside the command context, before the command runs) that hands
 * every task completion, task form submission, process start and start form submission to
 * {@link FormGuard}. A rejected submission throws before the command touches anything.
 *
 * <p>The engine's commands keep their inputs in protected fields without getters; they are read
 * reflectively here (checked by FormSubmissionInterceptorTest against the pinned engine).
 */
public class FormSubmissionInterceptor extends CommandInterceptor {

  private final FormGuard guard;

  public FormSubmissionInterceptor(FormGuard guard) {
    this.guard = guard;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (command instanceof CompleteTaskCmd) {
      lockOpenTask(context, field(command, "taskId"));
      replace(command, "variables", guard.checkTask(context, field(command, "taskId"), field(command, "variables")));
    } else if (command instanceof SubmitTaskFormCmd) {
      lockOpenTask(context, field(command, "taskId"));
      replace(command, "properties", guard.checkTask(context, field(command, "taskId"), field(command, "properties")));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      ProcessDefinitionEntity definition = definition(context, builder.getProcessDefinitionId(),
          builder.getProcessDefinitionKey());
      if (definition != null) {
        VariableMap accepted = guard.checkStart(context, definition, builder.getVariables());
        if (accepted != null) {
          builder.getVariables().clear();
          builder.getVariables().putAll(accepted);
        }
      }
    } else if (command instanceof SubmitStartFormCmd) {
      ProcessDefinitionEntity definition = definition(context, field(command, "processDefinitionId"), null);
      if (definition != null) {
        replace(command, "variables", guard.checkStart(context, definition, field(command, "variables")));
      }
    }
    return next.execute(command);
  }

  /**
   * Locks the task's row for this transaction, so that two completions of the same task (two
   * users, two tabs, two nodes) run one after the other: the second one then finds the task gone
   * and is refused with {@link TaskNotOpenException} instead of failing half-way in the engine
   * (null execution, foreign key or optimistic locking errors, all answered 500 before).
   */
  static void lockOpenTask(CommandContext context, String taskId) {
    if (taskId == null) {
      return; // the command reports the missing id
    }
    String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    java.sql.Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try {
      if (exists(connection, "SELECT ID_ FROM " + prefix + "ACT_RU_TASK WHERE ID_ = ? FOR UPDATE", taskId)) {
        // The task's announcement job is deleted with the task's execution: lock it too, so that
        // a job executor finishing it meanwhile waits for this completion instead of making it
        // fail on the job's revision (409 for the user while the mail is being sent).
        exists(connection, "SELECT ID_ FROM " + prefix + "ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND HANDLER_CFG_ = ? FOR UPDATE",
            fr.reflexespublics.notification.TaskNotificationJobHandler.TYPE, taskId);
        return;
      }
      boolean completed = exists(connection, "SELECT ID_ FROM " + prefix + "ACT_HI_TASKINST WHERE ID_ = ?", taskId);
      throw new TaskNotOpenException(taskId, completed);
    } catch (java.sql.SQLException e) {
      throw new org.camunda.bpm.engine.ProcessEngineException("Could not lock task " + taskId, e);
    }
  }

  private static boolean exists(java.sql.Connection connection, String sql, String... values) throws java.sql.SQLException {
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      if (id != null) {
        return cache.findDeployedProcessDefinitionById(id);
      }
      return key == null ? null : cache.findDeployedLatestProcessDefinitionByKey(key);
    } catch (RuntimeException e) {
      return null; // unknown definition: the command itself reports it
    }
  }

  /** Puts the accepted (normalised) variables in place of the submitted ones. */
  private static void replace(Object command, String name, VariableMap accepted) {
    if (accepted == null) {
      return;
    }
    try {
      declaredField(command, name).set(command, accepted);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write " + name + " of " + command.getClass().getName(), e);
    }
  }

  /** A command's input, read from its protected field. */
  @SuppressWarnings("unchecked")
  public static <V> V field(Object command, String name) {
    try {
      return (V) declaredField(command, name).get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field declaredField(Object command, String name) {
    Class<?> type = command.getClass();
    while (type != null) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        type = type.getSuperclass();
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + ": the engine changed, adapt FormSubmissionInterceptor");
  }
}
