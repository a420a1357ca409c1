package fr.reflexespublics.retex;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Turns the yearly retex ritual on or off ({@code reflexes.retex.yearly.enabled}, off by
 * default): the timer start event's job definition of {@code retex-yearly-ritual} is activated or
 * suspended at startup.
 */
@Component
public class RetexYearlySchedule implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RetexYearlySchedule.class);

  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final RetexSettings settings;

  public RetexYearlySchedule(RepositoryService repositoryService, ManagementService managementService,
      RetexSettings settings) {
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.settings = settings;
  }

  /** The cycle of the timer start event ({@code ${retexYearlyCycle}} in the BPMN). */
  @Bean("retexYearlyCycle")
  static String retexYearlyCycle(RetexSettings settings) {
    return settings.yearly().cycle();
  }

  @Override
  public void run(ApplicationArguments args) {
    apply(settings.yearly().enabled());
  }

  /** Activates (with its pending timer) or suspends the yearly start. */
  public void apply(boolean enabled) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(RetexProcess.YEARLY_KEY).latestVersion().singleResult();
    if (definition == null) {
      return;
    }
    for (JobDefinition job : managementService.createJobDefinitionQuery().processDefinitionId(definition.getId())
        .jobType(TimerStartEventJobHandler.TYPE).list()) {
      if (enabled) {
        managementService.activateJobDefinitionById(job.getId(), true);
      } else {
        managementService.suspendJobDefinitionById(job.getId(), true);
      }
    }
    LOG.info("Yearly retex ritual {} ({})", enabled ? "on" : "off", settings.yearly().cycle());
  }
}
