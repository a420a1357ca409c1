package fr.reflexespublics.hotline;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the persons who asked to stop being called, inside the history cleanup window: once no
 * follow-up of theirs runs any more, the history of their follow-ups (the variables that held
 * their first name, phone, area and what they said) is deleted, and their register row loses its
 * personal columns. Call logs and orientation records keep no personal data and stay for the
 * statistics. Idempotent: every node may run it.
 */
@Component
public class PersonalDataEraser {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataEraser.class);
  private static final int PER_RUN = 500;

  private final RegisterService register;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public PersonalDataEraser(RegisterService register, RuntimeService runtimeService, HistoryService historyService) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Scheduled(cron = "${reflexes.hotline.erasure-cron:0 30 22 * * *}")
  public void scheduled() {
    eraseOptedOut();
  }

  /** @return how many persons were erased */
  @Transactional
  public int eraseOptedOut() {
    int erased = 0;
    for (String personId : register.optedOutNotErased(PER_RUN)) {
      if (runtimeService.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY)
          .processInstanceBusinessKey(personId).count() > 0) {
        continue; // an orientation of theirs is still being handled: next run
      }
      List<String> finished = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(FollowUpProcess.KEY).processInstanceBusinessKey(personId).finished()
          .listPage(0, 1000).stream().map(HistoricProcessInstance::getId).toList();
      if (!finished.isEmpty()) {
        historyService.deleteHistoricProcessInstances(finished);
      }
      register.erase(personId);
      erased++;
    }
    if (erased > 0) {
      LOG.info("Erased {} opted-out person(s) from the register and the follow-up history", erased);
    }
    return erased;
  }
}
