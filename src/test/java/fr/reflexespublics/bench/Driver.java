package fr.reflexespublics.bench;

import fr.reflexespublics.notification.TaskNotificationJobHandler;
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
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives processes through the Java API as their users would (the same moves as the process
 * tests), counting the steps: every transaction that moves an instance (a start, a task
 * completion, a job execution); and the wait states the instances left: a user task completed, a
 * timer fired, an asynchronous continuation or a message (the unit). A task's announcement
 * job is a step, not a wait state: no instance waits for it, its cost is part of its task's.
 */
public class Driver {

  final RuntimeService runtimeService;
  final TaskService taskService;
  final ManagementService managementService;
  final IdentityService identityService;
  private final Map<String, List<String>> groups = new HashMap<>();
  /**
   * Runs the instance's due jobs after each start, completion and timer, as the job executor would
   * before anyone opens the next task: a task's announcement goes out while the task is open.
   */
  private final boolean asJobExecutor;
  long steps;
  long waitStates;
  /** Time spent in the driver's own lookups ({@link #lookup}), which the measures can deduct. */
  long lookupNanos;

  /** A driver that runs jobs only when told ({@link #executeJobs}). */
  public Driver(ProcessEngine engine) {
    this(engine, false);
  }

  public Driver(ProcessEngine engine, boolean asJobExecutor) {
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.identityService = engine.getIdentityService();
    this.asJobExecutor = asJobExecutor;
  }

  List<String> groupsOf(String userId) {
    return groups.computeIfAbsent(userId, u -> lookup(() -> identityService.createGroupQuery().groupMember(u).list())
        .stream().map(Group::getId).toList());
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
    ProcessInstance started =
        as(userId, () -> runtimeService.startProcessInstanceByKey(key, Variables.fromMap(new HashMap<>(variables))));
    afterStep(started.getId());
    return started;
  }

  /** A start without authentication (the floor). */
  String start(String key) {
    steps++;
    String id = runtimeService.startProcessInstanceByKey(key).getId();
    afterStep(id);
    return id;
  }

  void completeAs(String userId, Task task, Map<String, Object> variables) {
    steps++;
    waitStates++;
    as(userId, () -> {
      taskService.complete(task.getId(), new HashMap<>(variables));
      return null;
    });
    afterStep(task.getProcessInstanceId());
  }

  /** A completion without authentication (the floor). */
  void complete(Task task) {
    steps++;
    waitStates++;
    taskService.complete(task.getId());
    afterStep(task.getProcessInstanceId());
  }

  private void afterStep(String processInstanceId) {
    if (asJobExecutor) {
      executeJobs(processInstanceId);
    }
  }

  /**
   * A lookup of the harness (the task to complete, the due jobs, a workload's check): timed and
   * marked for the censuses ({@link HarnessLookups}).
   */
  <T> T lookup(Supplier<T> query) {
    long start = System.nanoTime();
    try {
      return HarnessLookups.run(query);
    } finally {
      lookupNanos += System.nanoTime() - start;
    }
  }

  Task task(String processInstanceId, String taskDefinitionKey) {
    List<Task> tasks = lookup(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).listPage(0, 2));
    if (tasks.size() != 1) {
      throw new IllegalStateException(tasks.size() + " open task(s) " + taskDefinitionKey + " in " + processInstanceId);
    }
    return tasks.get(0);
  }

  void fireTimer(String processInstanceId, String timerActivityId) {
    Job timer = lookup(() -> managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(timerActivityId).singleResult());
    if (timer == null) {
      throw new IllegalStateException("no timer " + timerActivityId + " in " + processInstanceId);
    }
    steps++;
    waitStates++;
    managementService.executeJob(timer.getId());
    afterStep(processInstanceId);
  }

  /** The instance's due jobs, until none is left, as the job executor would run them. */
  void executeJobs(String processInstanceId) {
    steps += fr.reflexespublics.support.BackgroundJobs.executeJobsOf(managementService, processInstanceId,
        () -> lookup(() -> managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()),
        job -> {
          if (!TaskNotificationJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())) {
            waitStates++;
          }
        });
  }

  /** The project's background jobs (batches), as the job executor would run them; returns how many ran. */
  int executeBackgroundJobs() {
    return fr.reflexespublics.support.BackgroundJobs.executeAll(managementService, 1000);
  }

  /** Fails when the instance has not ended. */
  void assertEnded(String processInstanceId, String what) {
    if (lookup(() -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()) != 0) {
      throw new IllegalStateException(what + " " + processInstanceId + " did not end");
    }
  }
}
