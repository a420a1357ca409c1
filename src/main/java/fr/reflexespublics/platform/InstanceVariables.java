package fr.reflexespublics.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;

/**
 * The engine's variable manager, reading the variables of a process instance's executions in one
 * query once its execution tree is in memory.
 *
 * <p>The engine reads an execution's variables the first time a command needs one of them, one
 * query per execution: resolving a name inside a sub-process or a multi-instance activity reads
 * the execution's own variables, then its parent's, up to the process instance, a query at each
 * level (the micro-mobility, a multi-instance sub-process holding a sub-process with a boundary
 * event, ran 3.4 of them per wait state, 0.6 ms each on PostgreSQL: docs/performance.md, round
 * 12). The engine reads the execution tree itself in one query for the same reason (its comment on
 * {@code ExecutionEntity.ensureExecutionTreeInitialized}: fewer round trips, more rows), and can
 * hand each execution its variables from one list when it restores a tree, which it does for a
 * migration only.
 *
 * <p>Here, when an execution's variables are asked for and its process instance's tree is already
 * in memory with at most {@link #MOST_EXECUTIONS} executions, the variables of every execution of
 * that instance are read in one query ({@code selectVariablesByProcessInstanceId}), kept for the
 * command and handed to each execution when it asks. Nothing is flushed while a command runs, so
 * each execution receives the rows the engine's own query would have returned, the same cached
 * entities. Anything else goes to the engine as before: a tree not loaded (the engine loads it
 * when it walks up from an execution, so the levels above are then read together), a larger tree
 * (a multi-instance of hundreds would read every instance's variables for one of them), a read of
 * some variables by name, the variables of a task.
 */
public class InstanceVariables extends VariableInstanceManager {

  /** Trees larger than this keep the engine's query per execution. */
  static final int MOST_EXECUTIONS = 32;

  private static final Field CHILDREN = childrenField();

  /** Per process instance read this command: the variables of each of its executions. */
  private final Map<String, Map<String, List<VariableInstanceEntity>>> readByInstance = new HashMap<>();

  @Override
  public List<VariableInstanceEntity> findVariableInstancesByExecutionIdAndVariableNames(String executionId,
      Collection<String> variableNames) {
    if (variableNames == null) {
      Map<String, List<VariableInstanceEntity>> byExecution = instanceVariables(executionId);
      if (byExecution != null) {
        return new ArrayList<>(byExecution.getOrDefault(executionId, List.of()));
      }
    }
    return super.findVariableInstancesByExecutionIdAndVariableNames(executionId, variableNames);
  }

  /** The variables of the execution's process instance by execution, or null to ask the engine. */
  private Map<String, List<VariableInstanceEntity>> instanceVariables(String executionId) {
    ExecutionEntity execution = getDbEntityManager().getCachedEntity(ExecutionEntity.class, executionId);
    if (execution == null || execution.getProcessInstanceId() == null) {
      return null;
    }
    String instanceId = execution.getProcessInstanceId();
    Map<String, List<VariableInstanceEntity>> read = readByInstance.get(instanceId);
    if (read != null) {
      return read;
    }
    ExecutionEntity instance = getDbEntityManager().getCachedEntity(ExecutionEntity.class, instanceId);
    if (!Context.getProcessEngineConfiguration().isExecutionTreePrefetchEnabled() || instance == null
        || treeSize(instance, 0) > MOST_EXECUTIONS) {
      return null;
    }
    read = new HashMap<>();
    for (VariableInstanceEntity variable : findVariableInstancesByProcessInstanceId(instanceId)) {
      // the rows the engine's query by execution selects: an execution's own, not a task's
      if (variable.getExecutionId() != null && variable.getTaskId() == null) {
        read.computeIfAbsent(variable.getExecutionId(), id -> new ArrayList<>()).add(variable);
      }
    }
    readByInstance.put(instanceId, read);
    return read;
  }

  /**
   * The executions of the tree below {@code execution} counted up to just past the limit, or past
   * the limit at once when a level is not in memory (reading it is what the engine would do later,
   * not here).
   */
  private static int treeSize(ExecutionEntity execution, int counted) {
    List<?> children = children(execution);
    if (children == null) {
      return MOST_EXECUTIONS + 1;
    }
    int size = counted + 1;
    for (Object child : children) {
      if (size > MOST_EXECUTIONS) {
        break;
      }
      size = treeSize((ExecutionEntity) child, size);
    }
    return size;
  }

  private static List<?> children(ExecutionEntity execution) {
    try {
      return (List<?>) CHILDREN.get(execution);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ExecutionEntity.executions}: null until the execution's children are read. */
  private static Field childrenField() {
    try {
      Field field = ExecutionEntity.class.getDeclaredField("executions");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("this Camunda version's ExecutionEntity has no executions field", e);
    }
  }
}
