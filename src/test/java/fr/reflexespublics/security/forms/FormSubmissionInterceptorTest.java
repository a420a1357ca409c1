package fr.reflexespublics.security.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The engine commands still keep their inputs where the interceptor reads them. */
class FormSubmissionInterceptorTest {

  @Test
  void readsTheInputsOfThePinnedEngineCommands() {
    Map<String, Object> variables = Variables.createVariables().putValue("a", 1);

    assertThat((String) FormSubmissionInterceptor.field(new CompleteTaskCmd("t1", variables), "taskId")).isEqualTo("t1");
    assertThat((Map<String, Object>) FormSubmissionInterceptor.field(new CompleteTaskCmd("t1", variables), "variables"))
        .isSameAs(variables);
    assertThat((Map<String, Object>) FormSubmissionInterceptor.field(
        new SubmitTaskFormCmd("t2", variables, false, false), "properties")).containsEntry("a", 1);
    assertThat((String) FormSubmissionInterceptor.field(new SubmitStartFormCmd("def", null, variables),
        "processDefinitionId")).isEqualTo("def");
  }
}
