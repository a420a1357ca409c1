package fr.reflexespublics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of a process by the instances a test class started, read from the engine's
 * history (the process-test-coverage extension writes the visual report under
 * target/process-test-coverage/).
 */
public final class ProcessCoverage {

  private ProcessCoverage() {}

  public static void assertAtLeast(ProcessEngine engine, String processKey, Date since, double ratio) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Set<String> all = new TreeSet<>();
    nodes.forEach(n -> all.add(n.getId()));
    Set<String> visited = new HashSet<>();
    for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionId(definition.getId()).startedAfter(since).listPage(0, 1000)) {
      for (HistoricActivityInstance activity : engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).listPage(0, 1000)) {
        visited.add(activity.getActivityId());
      }
    }
    visited.retainAll(all);
    Set<String> missed = new TreeSet<>(all);
    missed.removeAll(visited);
    double coverage = (double) visited.size() / all.size();
    System.out.printf("Process coverage of %s: %d/%d flow nodes (%.0f %%), not visited: %s%n", processKey,
        visited.size(), all.size(), coverage * 100, missed);
    assertThat(coverage).as("flow-node coverage of " + processKey + " (not visited: " + missed + ")")
        .isGreaterThanOrEqualTo(ratio);
  }
}
