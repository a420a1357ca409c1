package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history level: full without ACT_HI_DETAIL ({@link HistoryWithoutDetails}). */
class HistoryWithoutDetailsTest extends IntegrationTest {

  static final String KEY = "history-without-details-check";

  @Autowired DataSource dataSource;

  @BeforeEach
  void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repositoryService.createDeployment().name(KEY)
          .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30)
              .startEvent().userTask("Task_Answer").camundaAssignee("alice")
              .camundaOutputParameter("phone", "06 00 00 00 03").endEvent().done())
          .deploy();
      grantRead("alice", KEY);
    }
  }

  @Test
  void theEngineRunsAtTheProjectsLevelAndRecordedIt() {
    assertThat(engineConfiguration().getHistoryLevel().getName())
        .isEqualTo(HistoryWithoutDetails.NAME);
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(HistoryWithoutDetails.ID));
  }

  @Test
  void theLastValueOfAVariableIsKeptButNotEveryValueItHad() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, Map.of("phone", "06 00 00 00 01"));
    runtimeService.setVariable(instance.getId(), "phone", "06 00 00 00 02");
    Task task = task(instance.getId(), "Task_Answer");
    as("alice", () -> {
      taskService.complete(task.getId());
      return null;
    });

    HistoricVariableInstance phone = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("phone").singleResult();
    assertThat(phone.getValue()).isEqualTo("06 00 00 00 03");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ LIKE '06 00 00 00 0%'",
        Integer.class)).isZero();
    // what full keeps: activities, the task, and who did what through the API
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(3);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getAssignee()).isEqualTo("alice");
    assertThat(historyService.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult().getUserId()).isEqualTo("alice");
  }

  @Test
  void aDatabaseRecordedAtFullIsMovedToTheProjectsLevelOnce() throws Exception {
    jdbc.update("UPDATE ACT_GE_PROPERTY SET VALUE_ = '3' WHERE NAME_ = 'historyLevel'");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(HistoryWithoutDetails.moveFromFull(connection)).isTrue();
      assertThat(HistoryWithoutDetails.moveFromFull(connection)).isFalse();
    } finally {
      jdbc.update("UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel'",
          String.valueOf(HistoryWithoutDetails.ID));
    }
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(HistoryWithoutDetails.ID));
  }

  @Test
  void aDatabaseAtAnotherLevelIsLeftAsItIs() throws Exception {
    jdbc.update("UPDATE ACT_GE_PROPERTY SET VALUE_ = '2' WHERE NAME_ = 'historyLevel'");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(HistoryWithoutDetails.moveFromFull(connection)).isFalse();
      assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
          .isEqualTo("2");
    } finally {
      jdbc.update("UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel'",
          String.valueOf(HistoryWithoutDetails.ID));
    }
  }
}
