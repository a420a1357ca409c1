package fr.reflexespublics.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives processes through the Java API as their users would (the same moves as the process
 * tests), counting the steps: every transaction that moves an instance (a start, a task
 * completion, a job execution).
 */
public class Driver {

  final RuntimeService runtimeService;
  final TaskService taskService;
  final ManagementService managementService;
  final IdentityService identityService;
  private final Map<String, List<String>> groups = new HashMap<>();
  long steps;

  public Driver(ProcessEngine engine) {
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.identityService = engine.getIdentityService();
  }

  List<String> groupsOf(String userId) {
    return groups.computeIfAbsent(userId, u -> identityService.createGroupQuery().groupMember(u).list().stream()
        .map(Group::getId).toList());
  }

  <T> T as(String userId, Supplier<T> action) {
    identityService.setAuthentication(userId, groupsOf(userId));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  ProcessInstance startAs(String userId, String key, Map<String, Object> variables) {
    steps++;
    return as(userId, () -> runtimeService.startProcessInstanceByKey(key, Variables.fromMap(new HashMap<>(variables))));
  }

  void completeAs(String userId, Task task, Map<String, Object> variables) {
    steps++;
    as(userId, () -> {
      taskService.complete(task.getId(), new HashMap<>(variables));
      return null;
    });
  }

  Task task(String processInstanceId, String taskDefinitionKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).listPage(0, 2);
    if (tasks.size() != 1) {
      throw new IllegalStateException(tasks.size() + " open task(s) " + taskDefinitionKey + " in " + processInstanceId);
    }
    return tasks.get(0);
  }

  void fireTimer(String processInstanceId, String timerActivityId) {
    Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(timerActivityId).singleResult();
    if (timer == null) {
      throw new IllegalStateException("no timer " + timerActivityId + " in " + processInstanceId);
    }
    steps++;
    managementService.executeJob(timer.getId());
  }

  void executeJobs(String processInstanceId) {
    steps += fr.reflexespublics.support.BackgroundJobs.executeJobsOf(managementService, processInstanceId);
  }

  /** The project's background jobs (batches), as the job executor would run them; returns how many ran. */
  int executeBackgroundJobs() {
    return fr.reflexespublics.support.BackgroundJobs.executeAll(managementService, 1000);
  }

  String calledInstance(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult().getId();
  }
}
