package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.reflexespublics.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The engine's entity manager checks an inserted row's id first: the same rows refused, with the same message. */
class IdCheckedFirstTest extends IntegrationTest {

  @Test
  void theEngineInsertsThroughItAndStillRefusesAReservedId() {
    Object manager = inCommand(context -> context.getDbEntityManager());
    assertThat(manager).isInstanceOf(IdCheckedFirst.class);

    Task reserved = taskService.newTask("*");
    assertThatThrownBy(() -> taskService.saveTask(reserved)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has an invalid id").hasMessageContaining("is a reserved identifier");
    assertThat(taskService.createTaskQuery().taskId("*").count()).as("nothing stored").isZero();

    Task valid = taskService.newTask("id-checked-first");
    taskService.saveTask(valid);
    assertThat(taskService.createTaskQuery().taskId("id-checked-first").count()).isOne();
    taskService.deleteTask("id-checked-first", true);
  }
}
