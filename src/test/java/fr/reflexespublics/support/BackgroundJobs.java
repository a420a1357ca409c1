package fr.reflexespublics.support;

import fr.reflexespublics.platform.BackgroundJobRetries;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs jobs as the job executor would, for tests and the benchmark: the project's background jobs
 * (batches), or the due jobs of one process instance.
 */
public final class BackgroundJobs {

  private BackgroundJobs() {}

  /** Executes them, pages of 500, until none is left; returns how many ran. */
  public static int executeAll(ManagementService managementService, int maxRounds) {
    int executed = 0;
    for (int round = 0; round < maxRounds; round++) {
      List<Job> jobs = managementService.createJobQuery().executable().listPage(0, 500).stream()
          .filter(j -> j.getProcessInstanceId() == null && j instanceof JobEntity e
              && e.getJobHandlerType().startsWith(BackgroundJobRetries.TYPE_PREFIX))
          .toList();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    throw new AssertionError("Background jobs keep coming");
  }

  /** Every due job of a process instance, until none is left (bounded); returns how many ran. */
  public static int executeJobsOf(ManagementService managementService, String processInstanceId) {
    return executeJobsOf(processInstanceId,
        () -> managementService.createJobQuery().processInstanceId(processInstanceId).executable().list(),
        job -> executeIfPresent(managementService, job.getId()));
  }

  /**
   * The same, the due jobs listed by {@code due} (the benchmark marks its lookups) and each run by
   * {@code execute}, which tells whether it ran ({@link #executeIfPresent}; the benchmark times it).
   */
  public static int executeJobsOf(String processInstanceId, java.util.function.Supplier<List<Job>> due,
      java.util.function.Predicate<Job> execute) {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = due.get();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        if (execute.test(job)) {
          executed++;
        }
      }
    }
    throw new AssertionError("Jobs keep coming for " + processInstanceId);
  }

  /**
   * Executes a job listed a moment ago; false when it is gone meanwhile: a job before it in the same
   * list ended its instance, which deletes the instance's other jobs (a task's announcement job, a
   * timer). Any other failure is thrown.
   */
  public static boolean executeIfPresent(ManagementService managementService, String jobId) {
    try {
      managementService.executeJob(jobId);
      return true;
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      if (managementService.createJobQuery().jobId(jobId).count() > 0) {
        throw e;
      }
      return false;
    }
  }
}
