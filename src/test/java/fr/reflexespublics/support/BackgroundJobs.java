package fr.reflexespublics.support;

import fr.reflexespublics.platform.BackgroundJobRetries;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the project's background jobs (batches) as the job executor would: for tests and the benchmark. */
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
}
