package fr.reflexespublics.security.forms;

import fr.reflexespublics.platform.Clocks;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Validates every form submission on the server, whatever its entry point (Tasklist, REST, Java
 * API): task completions and start-form submissions are checked against the deployed Camunda
 * Form of the task or start event, then against the form's {@link FormRules}. Called by
 * {@link FormSubmissionInterceptor} inside the command, before the engine stores anything.
 */
@Component
public class FormGuard {

  private final Map<String, List<FormRules>> rulesByForm;
  private final Map<String, Optional<FormSpec>> specs = new ConcurrentHashMap<>();
  private final FormValidator validator;

  public FormGuard(List<FormRules> rules, ZoneId zone) {
    this.rulesByForm = rules.stream().collect(Collectors.groupingBy(FormRules::formId));
    this.validator = new FormValidator(() -> Clocks.today(zone));
  }

  /**
   * Checks the variables submitted to complete a task.
   *
   * @return the accepted variables, normalised, to be used instead of the submitted ones; null
   *     when there is nothing to check
   */
  public VariableMap checkTask(CommandContext context, String taskId, Map<String, Object> variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return null; // the command reports an unknown task; standalone tasks have no form
    }
    String cacheKey = "task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey();
    Optional<FormSpec> spec = specs.computeIfAbsent(cacheKey, k -> taskSpec(context, taskId));
    ExecutionEntity execution = task.getExecution();
    Function<String, Object> existing = key -> execution == null ? null : execution.getVariableTyped(key, true);
    return check(spec, variables, existing, context, task.getProcessDefinition().getKey(), task.getTaskDefinitionKey(),
        "task '" + task.getTaskDefinitionKey() + "'", () -> {
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
          }
        });
  }

  /**
   * Checks the variables submitted to start a process (start form).
   *
   * @return the accepted variables, normalised; null when the process has no start form
   */
  public VariableMap checkStart(CommandContext context, ProcessDefinitionEntity definition, Map<String, Object> variables) {
    Optional<FormSpec> spec = specs.computeIfAbsent("start:" + definition.getId(),
        k -> startSpec(context, definition.getId()));
    if (spec.isEmpty()) {
      return null; // started by other processes only: no start form, no group may start it by hand
    }
    return check(spec, variables, key -> null, context, definition.getKey(), null, "start form", () -> {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkCreateProcessInstance(definition);
      }
    });
  }

  /**
   * Validates; a rejection is answered only to a user allowed to do the step ({@code authorize}
   * throws the engine's AuthorizationException otherwise): an unauthorised user learns nothing
   * about the form. An accepted submission goes on to the engine's command, which checks the same
   * authorization itself; checking it here too would cost a second query for every step.
   */
  private VariableMap check(Optional<FormSpec> spec, Map<String, Object> variables, Function<String, Object> existing,
      CommandContext context, String processKey, String taskKey, String what, Runnable authorize) {
    try {
      return validate(spec, variables, existing, context, processKey, taskKey, what);
    } catch (RuntimeException rejected) {
      authorize.run();
      throw rejected;
    }
  }

  private VariableMap validate(Optional<FormSpec> spec, Map<String, Object> variables,
      Function<String, Object> existing, CommandContext context, String processKey, String taskKey, String what) {
    VariableMap submitted = copy(variables);
    if (spec.isEmpty()) {
      if (!submitted.isEmpty()) {
        throw new FormValidationException(what, List.of(String.join(", ", submitted.keySet())
            + ": this step has no form and takes no input"));
      }
      return null;
    }
    Violations violations = new Violations();
    Map<String, Object> values = validator.validate(spec.get(), submitted, existing, violations);
    if (violations.isEmpty()) {
      String user = context.getAuthenticatedUserId();
      FormSubmission submission = new FormSubmission(spec.get().formId(), processKey, taskKey, user, values,
          key -> plain(existing.apply(key)));
      for (FormRules rules : rulesByForm.getOrDefault(spec.get().formId(), List.of())) {
        rules.check(submission, violations);
      }
    }
    if (!violations.isEmpty()) {
      throw new FormValidationException(spec.get().formId(), violations.messages());
    }
    return submitted;
  }

  /** A copy that keeps typed values typed (JSON stays JSON). */
  private static VariableMap copy(Map<String, Object> variables) {
    VariableMap copy = Variables.createVariables();
    if (variables instanceof VariableMap typed) {
      typed.keySet().forEach(key -> copy.putValueTyped(key, typed.getValueTyped(key)));
    } else if (variables != null) {
      copy.putAll(variables);
    }
    return copy;
  }

  private static Object plain(Object value) {
    return value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : value;
  }

  private static Optional<FormSpec> taskSpec(CommandContext context, String taskId) {
    TaskFormData data = context.runWithoutAuthorization(new GetTaskFormCmd(taskId));
    if (data == null || data.getCamundaFormRef() == null) {
      return Optional.empty();
    }
    return Optional.of(FormSpecParser.parse(context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))));
  }

  private static Optional<FormSpec> startSpec(CommandContext context, String processDefinitionId) {
    StartFormData data = context.runWithoutAuthorization(new GetStartFormCmd(processDefinitionId));
    if (data == null || data.getCamundaFormRef() == null) {
      return Optional.empty();
    }
    return Optional.of(FormSpecParser.parse(
        context.runWithoutAuthorization(new GetDeployedStartFormCmd(processDefinitionId))));
  }
}
