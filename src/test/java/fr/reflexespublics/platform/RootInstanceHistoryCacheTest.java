package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history's removal times with the root process instance read once per command
 * ({@link RootInstanceHistoryCache}): every history row of an instance, and of the instance it
 * calls, still carries the root's removal time, and a command no longer reads the root once per
 * history event.
 */
class RootInstanceHistoryCacheTest extends IntegrationTest {

  static final String ROOT = "root-instance-history-check";
  static final String CALLED = "root-instance-history-called";
  static final String READ_ROOT = "selectHistoricProcessInstanceEvent";
  static final String READ_BATCH = "selectHistoricBatch";

  @BeforeEach
  void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(ROOT).count() > 0) {
      return;
    }
    repositoryService.createDeployment().name(ROOT)
        .addModelInstance(CALLED + ".bpmn", Bpmn.createExecutableProcess(CALLED).camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Called").camundaAssignee("alice").endEvent().done())
        .addModelInstance(ROOT + ".bpmn", Bpmn.createExecutableProcess(ROOT).camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("Task_First").camundaAssignee("alice")
            // variables written when the task completes (a task without a form takes no input)
            .camundaOutputParameter("amount", "${amount + 1}").camundaOutputParameter("answer", "yes")
            .camundaOutputParameter("note", "n").camundaOutputParameter("extra", "${4}")
            .intermediateCatchEvent("Timer_Wait").timerWithDuration("PT1H")
            .serviceTask("Service_Async").camundaAsyncBefore().camundaExpression("${true}")
            .callActivity("Call_Child").calledElement(CALLED).camundaIn("amount", "amount")
            .endEvent().done())
        .deploy();
    grantRead("alice", ROOT);
  }

  @Test
  void everyHistoryRowOfTheInstanceAndOfTheCalledOneCarriesTheRootsRemovalTime() {
    ProcessInstance root = runtimeService.startProcessInstanceByKey(ROOT, Map.of("amount", 1, "label", "first"));
    Task first = task(root.getId(), "Task_First");
    as("alice", () -> {
      taskService.complete(first.getId());
      return null;
    });
    fireTimer(root.getId(), "Timer_Wait");
    executeJobs(root.getId()); // the asynchronous step (and the task notifications)
    String called = calledInstance(root.getId());
    taskService.complete(task(called, "Task_Called").getId());

    HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(root.getId()).singleResult();
    Date removal = history.getRemovalTime();
    assertThat(removal).as("removal time of the root (strategy start, 30 days)").isNotNull()
        .isAfter(history.getStartTime());
    for (String instance : new String[] {root.getId(), called}) {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
          .getRemovalTime()).as("process instance %s", instance).isEqualTo(removal);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
          .isNotEmpty().allSatisfy(a -> assertThat(a.getRemovalTime()).as(a.getActivityId()).isEqualTo(removal));
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).list())
          .hasSize(1).allSatisfy(t -> assertThat(t.getRemovalTime()).isEqualTo(removal));
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
          .isNotEmpty().allSatisfy(v -> assertThat(v.getRemovalTime()).as(v.getName()).isEqualTo(removal));
    }
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(root.getId()).list())
        .as("alice's completion").isNotEmpty().allSatisfy(o -> assertThat(o.getRemovalTime()).isEqualTo(removal));
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(root.getId()).list())
        .as("created and succeeded: the timer, the asynchronous step, the task notifications")
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(j -> assertThat(j.getRemovalTime()).as(j.getJobDefinitionConfiguration()).isEqualTo(removal));
  }

  @Test
  void aCommandReadsTheRootOnceWhateverTheNumberOfItsHistoryEvents() {
    ProcessInstance root = runtimeService.startProcessInstanceByKey(ROOT, Map.of("amount", 1));
    Task first = task(root.getId(), "Task_First");

    // task ended, activity ended, timer reached, its job created, four variables written
    census().start();
    taskService.complete(first.getId());
    Map<String, Double> completing = census().stop(1);
    census().start();
    fireTimer(root.getId(), "Timer_Wait");
    Map<String, Double> timer = census().stop(1);

    assertThat(completing.getOrDefault(READ_ROOT, 0.0)).as("reads of the root while completing").isEqualTo(1.0);
    assertThat(timer.getOrDefault(READ_ROOT, 0.0)).as("reads of the root while firing the timer").isEqualTo(1.0);
    assertThat(completing.getOrDefault(READ_BATCH, 0.0) + timer.getOrDefault(READ_BATCH, 0.0))
        .as("batch lookups for the log of a process instance's jobs").isZero();
  }
}
