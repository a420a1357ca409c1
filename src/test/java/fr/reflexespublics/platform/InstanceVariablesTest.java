package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The variables of a process instance's executions read in one query once its execution tree is
 * in memory: each execution sees what it saw with the engine's query per execution.
 */
class InstanceVariablesTest extends IntegrationTest {

  private static final String MODEL = "instance-variables-check";
  private static final String TASK_WORK = "Task_Work";

  /**
   * A multi-instance sub-process with a local input, whose step after the user task reads a
   * variable of each level (the instance's loop counter, the sub-process's input, the process's
   * label) and records what it saw on the process instance.
   */
  private void deploy() {
    repositoryService.createDeployment().name(MODEL)
        .addModelInstance(MODEL + ".bpmn", Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(30)
            .startEvent()
            .subProcess("Sub").camundaInputParameter("subLocal", "S")
            .embeddedSubProcess().startEvent()
            .userTask(TASK_WORK)
            .serviceTask("Task_Note").camundaExpression("${execution.setVariable(\"seen\".concat(loopCounter.toString()),"
                + " label.concat(\"/\").concat(subLocal).concat(\"/\")"
                + ".concat(execution.hasVariableLocal(\"note\").toString()))}")
            .endEvent()
            .subProcessDone()
            .multiInstance().parallel().cardinality("${count}").multiInstanceDone()
            .userTask("Task_After")
            .endEvent().done())
        .deploy();
  }

  private ProcessInstance start(int count) {
    return runtimeService.startProcessInstanceByKey(MODEL,
        Variables.createVariables().putValue("label", "L").putValue("count", count));
  }

  private List<Task> work(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_WORK).list();
  }

  @Test
  void theEngineReadsThroughItAndEachLevelSeesItsOwnVariables() {
    Object manager = inCommand(context -> context.getVariableInstanceManager());
    assertThat(manager).isInstanceOf(InstanceVariables.class);

    deploy();
    ProcessInstance instance = start(2);
    List<Task> tasks = work(instance);
    assertThat(tasks).hasSize(2);
    // a task's own variable is the task's, never its execution's
    taskService.setVariableLocal(tasks.get(0).getId(), "note", "written on the task");

    census().start();
    taskService.complete(tasks.get(0).getId());
    Map<String, Double> statements = census().stop(1);

    assertThat(statements.get("selectVariablesByProcessInstanceId"))
        .as("the levels above the task's execution read together").isEqualTo(1.0);
    assertThat(statements.getOrDefault("selectVariablesByExecutionId", 0.0))
        .as("at most the task's execution read alone, before its tree").isLessThanOrEqualTo(1.0);

    taskService.complete(tasks.get(1).getId());
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).containsEntry("seen0", "L/S/false").containsEntry("seen1", "L/S/false")
        .containsEntry("label", "L").doesNotContainKeys("subLocal", "loopCounter", "note", "nrOfInstances");
    Task after = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(after.getTaskDefinitionKey()).isEqualTo("Task_After");
    taskService.complete(after.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aLargeTreeKeepsTheEnginesQueryPerExecution() {
    deploy();
    int count = InstanceVariables.MOST_EXECUTIONS;
    ProcessInstance instance = start(count); // with its body and the process instance: past the limit
    List<Task> tasks = work(instance);

    census().start();
    taskService.complete(tasks.get(0).getId());
    Map<String, Double> statements = census().stop(1);

    assertThat(statements).doesNotContainKey("selectVariablesByProcessInstanceId");
    assertThat(statements.get("selectVariablesByExecutionId")).isGreaterThanOrEqualTo(2.0);
    String seen = "seen" + runtimeService.getVariables(instance.getId()).keySet().stream()
        .filter(name -> name.startsWith("seen")).findFirst().orElseThrow().substring(4);
    assertThat(runtimeService.getVariable(instance.getId(), seen)).isEqualTo("L/S/false");
    runtimeService.deleteProcessInstance(instance.getId(), "test done");
  }
}
