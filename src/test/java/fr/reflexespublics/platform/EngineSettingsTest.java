package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.hotline.FollowUpProcess;
import fr.reflexespublics.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine settings of docs/architecture.md, "Engine settings": what a user's step no longer
 * asks the database, and that the decisions stay the same.
 */
class EngineSettingsTest extends IntegrationTest {

  static final String MODEL = "engine-settings-check";

  @BeforeEach
  void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MODEL).count() == 0) {
      repositoryService.createDeployment().name(MODEL)
          .addModelInstance(MODEL + ".bpmn", Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(30)
              .startEvent().userTask("Task_Check").camundaAssignee("alice").endEvent().done())
          .deploy();
    }
  }

  @Test
  void aUsersQueryAsksForNoGroupListNorRevokeAndGroupGrantsStillDecide() {
    Map<String, Double> statements = new java.util.HashMap<>();
    long seenByAlice = as("alice", () -> {
      census().start(); // once authenticated: the helper's own lookup of alice's groups is not counted
      long count = repositoryService.createProcessDefinitionQuery().processDefinitionKey(FollowUpProcess.KEY).count();
      statements.putAll(census().stop(1));
      return count;
    });
    long seenByHugo = as("hugo", () -> repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(FollowUpProcess.KEY).count());

    assertThat(statements).as("one query, its authorization check inside")
        .containsOnlyKeys("selectProcessDefinitionCountByQueryCriteria");
    assertThat(seenByAlice).as("an agent outside the hotline").isZero();
    assertThat(seenByHugo).as("a hotline coordinator, through his group's grant").isPositive();
  }

  @Test
  void anAssignmentWritesNoTaskWorkerMetric() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK_METER_LOG", Long.class);
    census().start();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(MODEL);
    Map<String, Double> statements = census().stop(1);

    assertThat(task(instance.getId(), "Task_Check").getAssignee()).isEqualTo("alice");
    assertThat(statements).doesNotContainKey("insertTaskMeterLog");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK_METER_LOG", Long.class)).isEqualTo(before);
  }
}
