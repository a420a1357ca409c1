package fr.reflexespublics.security.forms;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion or form submission for a task that is not open (any more): completed or
 * cancelled by someone else, possibly at the same moment. Answered 409 (completed meanwhile) or
 * 404 (no such task) by the REST API, never 500.
 */
public class TaskNotOpenException extends ProcessEngineException {

  private final boolean completedMeanwhile;

  public TaskNotOpenException(String taskId, boolean completedMeanwhile) {
    super(completedMeanwhile
        ? "Task " + taskId + " is no longer open: it was completed or cancelled meanwhile, possibly by someone else "
            + "at the same moment. Reload your task list."
        : "Task " + taskId + " does not exist.");
    this.completedMeanwhile = completedMeanwhile;
  }

  public boolean isCompletedMeanwhile() {
    return completedMeanwhile;
  }
}
