package fr.reflexespublics.bench;

import fr.reflexespublics.notification.TaskNotificationJobHandler;
import fr.reflexespublics.support.BackgroundJobs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
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
  /**
   * Run after each start, completion and timer of this driver's instances and the jobs they made
   * due (null: nothing): another workload interleaved with this one, as in a server running several
   * processes at once; its time is kept apart in {@link #betweenNanos}.
   */
  private Runnable between;
  /** Time spent in {@link #between}, which the measures of this driver's own work deduct. */
  long betweenNanos;
  /** Nanoseconds a step spends outside the application's own work (the mails' hand-over to SMTP). */
  private final LongSupplier handOverNanos;
  /**
   * The steps by kind ({@link #STARTS}, {@link #COMPLETIONS}, {@link #TIMERS},
   * {@link #ANNOUNCEMENTS}, {@link #CONTINUATIONS}, or a job's handler type): how many, and their
   * time without the driver's lookups and the mails' hand-over.
   */
  final Map<String, StepTime> byKind = new LinkedHashMap<>();

  static final String STARTS = "starts";
  static final String COMPLETIONS = "task completions";
  static final String TIMERS = "timers";
  static final String ANNOUNCEMENTS = "task announcements";
  static final String CONTINUATIONS = "asynchronous continuations";

  /** How many steps of a kind, and their nanoseconds. */
  static final class StepTime {
    long count;
    long nanos;

    void add(StepTime other) {
      count += other.count;
      nanos += other.nanos;
    }
  }

  /** A driver that runs jobs only when told ({@link #executeJobs}). */
  public Driver(ProcessEngine engine) {
    this(engine, false);
  }

  public Driver(ProcessEngine engine, boolean asJobExecutor) {
    this(engine, asJobExecutor, () -> 0);
  }

  /** {@code handOverNanos}: a clock of the mails' hand-over, left out of the steps' times by kind. */
  public Driver(ProcessEngine engine, boolean asJobExecutor, LongSupplier handOverNanos) {
    this.handOverNanos = handOverNanos;
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
    ProcessInstance started = timed(STARTS,
        () -> as(userId, () -> runtimeService.startProcessInstanceByKey(key, Variables.fromMap(new HashMap<>(variables)))));
    afterStep(started.getId());
    return started;
  }

  /** A start without authentication (the floor). */
  String start(String key) {
    steps++;
    String id = timed(STARTS, () -> runtimeService.startProcessInstanceByKey(key).getId());
    afterStep(id);
    return id;
  }

  /** A start without authentication, with variables (the floor with variables). */
  String start(String key, Map<String, Object> variables) {
    steps++;
    String id = timed(STARTS, () -> runtimeService.startProcessInstanceByKey(key, variables).getId());
    afterStep(id);
    return id;
  }

  void completeAs(String userId, Task task, Map<String, Object> variables) {
    steps++;
    waitStates++;
    timed(COMPLETIONS, () -> as(userId, () -> {
      taskService.complete(task.getId(), new HashMap<>(variables));
      return null;
    }));
    afterStep(task.getProcessInstanceId());
  }

  /** A completion without authentication (the floor). */
  void complete(Task task) {
    steps++;
    waitStates++;
    timed(COMPLETIONS, () -> {
      taskService.complete(task.getId());
      return null;
    });
    afterStep(task.getProcessInstanceId());
  }

  /** Interleaves {@code work} after each of this driver's starts, completions and timers ({@link #between}). */
  Driver interleaving(Runnable work) {
    this.between = work;
    return this;
  }

  private void afterStep(String processInstanceId) {
    if (asJobExecutor) {
      executeJobs(processInstanceId);
    }
    if (between != null) {
      long start = System.nanoTime();
      between.run();
      betweenNanos += System.nanoTime() - start;
    }
  }

  /**
   * Runs a step and adds its time to its kind's, less the lookups and mail hand-overs within it.
   */
  private <T> T timed(String kind, Supplier<T> step) {
    return timed(kind, step, result -> true);
  }

  /** The same, counting the step only when {@code ran} says it ran. */
  private <T> T timed(String kind, Supplier<T> step, java.util.function.Predicate<T> ran) {
    long lookupsBefore = lookupNanos;
    long handOverBefore = handOverNanos.getAsLong();
    String outer = StatementCensus.inStep(kind);
    long start = System.nanoTime();
    T result;
    try {
      result = step.get();
    } finally {
      StatementCensus.inStep(outer);
    }
    long own = System.nanoTime() - start - (lookupNanos - lookupsBefore) - (handOverNanos.getAsLong() - handOverBefore);
    if (ran.test(result)) {
      StepTime time = byKind.computeIfAbsent(kind, k -> new StepTime());
      time.count++;
      time.nanos += own;
    }
    return result;
  }

  /** How many steps of each kind ran. */
  Map<String, Long> stepCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    byKind.forEach((kind, time) -> counts.put(kind, time.count));
    return counts;
  }

  /** A job's kind: its handler type, the engine's and the project's usual ones by name. */
  static String kindOf(Job job) {
    String type = ((JobEntity) job).getJobHandlerType();
    if (TaskNotificationJobHandler.TYPE.equals(type)) {
      return ANNOUNCEMENTS;
    }
    if (AsyncContinuationJobHandler.TYPE.equals(type)) {
      return CONTINUATIONS;
    }
    return type.startsWith("timer-") ? TIMERS : type;
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
    timed(TIMERS, () -> {
      managementService.executeJob(timer.getId());
      return null;
    });
    afterStep(processInstanceId);
  }

  /** The instance's due jobs, until none is left, as the job executor would run them. */
  void executeJobs(String processInstanceId) {
    steps += BackgroundJobs.executeJobsOf(processInstanceId,
        () -> lookup(() -> managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()),
        job -> {
          String kind = kindOf(job);
          boolean ran = timed(kind, () -> BackgroundJobs.executeIfPresent(managementService, job.getId()), r -> r);
          if (ran && !ANNOUNCEMENTS.equals(kind)) {
            waitStates++;
          }
          return ran;
        });
  }

  /** The project's background jobs (batches), as the job executor would run them; returns how many ran. */
  int executeBackgroundJobs() {
    return BackgroundJobs.executeAll(managementService, 1000);
  }

  /** Fails when the instance has not ended. */
  void assertEnded(String processInstanceId, String what) {
    if (lookup(() -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()) != 0) {
      throw new IllegalStateException(what + " " + processInstanceId + " did not end");
    }
  }
}
