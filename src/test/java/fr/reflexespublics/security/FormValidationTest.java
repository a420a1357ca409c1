package fr.reflexespublics.security;

import static fr.reflexespublics.platform.FoundationCheckConfiguration.PROCESS_KEY;
import static fr.reflexespublics.platform.FoundationCheckConfiguration.TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Server-side validation of start and task forms through the REST API, the way Tasklist and
 * other tools submit them: every rejected submission is a 400 naming the field, and nothing is
 * stored.
 */
class FormValidationTest extends IntegrationTest {

  private static final String START = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
  private static final String SUBMIT = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form";

  private static Map<String, Object> validRequest() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("subject", Map.of("value", "Road signs"));
    v.put("quantity", Map.of("value", 3));
    v.put("neededBy", Map.of("value", LocalDate.now().plusDays(3).toString()));
    v.put("channel", Map.of("value", "EMAIL"));
    v.put("tags", Map.of("value", "[\"A\"]", "type", "Json"));
    v.put("urgent", Map.of("value", false));
    return v;
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> v = validRequest();
    v.put(key, value);
    return v;
  }

  private static Map<String, Object> without(String key) {
    Map<String, Object> v = validRequest();
    v.remove(key);
    return v;
  }

  private long instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  private Rest.Answer start(Map<String, Object> variables) {
    return rest("alice").post(START, Map.of("variables", variables));
  }

  private void assertRejected(Map<String, Object> variables, String... fragments) {
    long before = instances();
    Rest.Answer answer = start(variables);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains(fragments);
    assertThat(answer.body()).doesNotContain("at org.").doesNotContain("SELECT");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void aValidStartIsAcceptedWithNormalisedTypes() {
    Rest.Answer answer = start(validRequest());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = answer.json().path("id").asText();
    assertThat(runtimeService.getVariable(id, "initiator")).isEqualTo("alice");
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(3);
    JsonValue tags = runtimeService.getVariableTyped(id, "tags");
    assertThat(tags.getValueSerialized()).isEqualTo("[\"A\"]");
  }

  @Test
  void aRejectedFormStaysOutOfTheErrorLogWhileAnyOtherCommandFailureIsLoggedAtError() {
    ch.qos.logback.classic.Logger context = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        "org.camunda.bpm.engine.context");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
        new ch.qos.logback.core.read.ListAppender<>();
    events.start();
    context.addAppender(events);
    try {
      assertRejected(with("costCentre", Map.of("value", "X")), "costCentre: unknown field");
      assertThat(events.list).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);

      assertThatThrownBy(() -> inCommand(commandContext -> {
        throw new IllegalStateException("a step that fails");
      })).hasMessageContaining("a step that fails");
      assertThat(events.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR
          && e.getFormattedMessage().contains("a step that fails"));
    } finally {
      context.detachAppender(events);
    }
  }

  @Test
  void unknownFieldIsRejected() {
    assertRejected(with("costCentre", Map.of("value", "X")), "costCentre: unknown field");
  }

  @Test
  void theInitiatorCannotBeTakenFromTheForm() {
    assertRejected(with("initiator", Map.of("value", "diane")), "initiator: unknown field");
  }

  @Test
  void missingRequiredFieldIsRejected() {
    assertRejected(without("subject"), "subject: is required");
    assertRejected(with("subject", Map.of("value", "   ")), "subject: is required");
  }

  @Test
  void wrongTypesAreRejected() {
    assertRejected(with("quantity", Map.of("value", "three")), "quantity: must be a whole number");
    assertRejected(with("quantity", Map.of("value", 2.5)), "quantity: must be a whole number");
    assertRejected(with("subject", Map.of("value", 12345)), "subject: must be text");
    assertRejected(with("urgent", Map.of("value", "yes")), "urgent: must be true or false");
    assertRejected(with("tags", Map.of("value", "{\"A\":1}", "type", "Json")), "tags: must be a JSON array");
  }

  @Test
  void outOfRangeValuesAreRejected() {
    assertRejected(with("quantity", Map.of("value", 0)), "quantity: must be at least 1");
    assertRejected(with("quantity", Map.of("value", 11)), "quantity: must be at most 10");
    assertRejected(with("subject", Map.of("value", "abc")), "subject: must have at least 5 characters");
    assertRejected(with("subject", Map.of("value", "x".repeat(81))), "subject: must have at most 80 characters");
    assertRejected(with("channel", Map.of("value", "FAX")), "channel: 'FAX' is not one of EMAIL, PHONE");
    assertRejected(with("tags", Map.of("value", "[\"A\",\"Z\"]", "type", "Json")), "tags: '\"Z\"' is not one of A, B");
  }

  @Test
  void datesMustBeIsoAndNotInThePast() {
    assertRejected(with("neededBy", Map.of("value", LocalDate.now().minusDays(1).toString())),
        "neededBy: must not be in the past");
    assertRejected(with("neededBy", Map.of("value", "28/11/2026")), "neededBy: must be a date written yyyy-MM-dd");
    assertRejected(with("neededBy", Map.of("value", "2026-02-30")), "neededBy: is not a valid date");
  }

  @Test
  void conditionalFieldsFollowTheFormsCondition() {
    // shown and required when urgent
    assertRejected(with("urgent", Map.of("value", true)), "urgencyReason: is required");
    // not shown when not urgent: must not be given
    assertRejected(with("urgencyReason", Map.of("value", "Because it is very urgent")),
        "urgencyReason: must not be given here");
    Map<String, Object> urgent = with("urgent", Map.of("value", true));
    urgent.put("urgencyReason", Map.of("value", "Storm forecast tonight"));
    assertThat(start(urgent).status()).isEqualTo(200);
  }

  @Test
  void dynamicListEntriesAreValidatedOneByOne() {
    assertRejected(with("items", Map.of("value", "[{\"title\":\"ok\"},{\"description\":\"no title\"}]", "type", "Json")),
        "items[1].title: is required");
    assertRejected(with("items", Map.of("value", "[{\"title\":\"ok\",\"extra\":1}]", "type", "Json")),
        "items[0].extra: unknown field");
    Rest.Answer ok = start(with("items", Map.of("value", "[{\"title\":\"Cones\",\"description\":\"20\"}]", "type", "Json")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void formRulesBeyondTheFormJsonApply() {
    Map<String, Object> phone = with("channel", Map.of("value", "PHONE"));
    phone.put("quantity", Map.of("value", 8));
    assertRejected(phone, "quantity: at most 5 by phone");
  }

  @Test
  void javaSerializedValuesAreRefused() {
    Map<String, Object> v = with("subject", Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object")));
    long before = instances();
    Rest.Answer answer = start(v);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("at org.");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void submitFormIsValidatedLikeStart() {
    long before = instances();
    Rest.Answer answer = rest("alice").post(SUBMIT, Map.of("variables", with("quantity", Map.of("value", -1))));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("quantity: must be at least 1");
    assertThat(instances()).isEqualTo(before);
    assertThat(rest("alice").post(SUBMIT, Map.of("variables", validRequest())).status()).isEqualTo(200);
  }

  @Test
  void aUserWhoMayNotStartGetsForbiddenNotAValidationMessage() {
    identityService.saveUser(userWithoutGroups("outsider"));
    try {
      Rest.Answer answer = rest("outsider", "outsider-password").post(START, Map.of("variables", without("subject")));
      // Camunda hides definitions the user may not read: 404, never a validation message
      assertThat(answer.status()).isIn(403, 404);
      assertThat(answer.body()).doesNotContain("subject");
    } finally {
      identityService.deleteUser("outsider");
    }
  }

  @Test
  void aUserWhoMayNotWorkOnTheTaskGetsForbiddenNotAValidationMessage() {
    String id = start(validRequest()).json().path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_REVIEW).singleResult();

    Rest.Answer answer = rest("alice").post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "NOT_AN_OPTION"), "bogus", Map.of("value", 1))));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("decision").doesNotContain("bogus");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void taskCompletionIsValidatedAndTheTaskStaysOpenOnError() {
    String id = start(validRequest()).json().path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(TASK_REVIEW).singleResult();
    String complete = "/engine-rest/task/" + task.getId() + "/complete";
    String submit = "/engine-rest/task/" + task.getId() + "/submit-form";

    Rest.Answer missing = rest("marc").post(complete, Map.of("variables", Map.of()));
    Rest.Answer unknown = rest("marc").post(submit, Map.of("variables",
        Map.of("decision", Map.of("value", "APPROVE"), "quantity", Map.of("value", 9))));
    Rest.Answer readOnly = rest("marc").post(complete, Map.of("variables",
        Map.of("decision", Map.of("value", "APPROVE"), "subject", Map.of("value", "Changed subject"))));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.message()).contains("decision: is required");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.message()).contains("quantity: unknown field");
    assertThat(readOnly.status()).isEqualTo(400);
    assertThat(readOnly.message()).contains("subject: is read-only");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(3);
    assertThat(runtimeService.getVariable(id, "subject")).isEqualTo("Road signs");

    // Tasklist sends read-only fields back unchanged: accepted
    Rest.Answer ok = rest("marc").post(submit, Map.of("variables",
        Map.of("decision", Map.of("value", "APPROVE"), "subject", Map.of("value", "Road signs"),
            "comment", Map.of("value", ""))));
    assertThat(ok.status()).as(ok.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void theJavaApiIsValidatedToo() {
    String id = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables()
        .putValue("subject", "Street lights").putValue("quantity", 2L)
        .putValue("neededBy", today().toString()).putValue("channel", "EMAIL")
        .putValue("tags", List.of("B"))).getId();
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(2);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        Variables.createVariables().putValue("subject", "Street lights")))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("quantity: is required");
  }

  private org.camunda.bpm.engine.identity.User userWithoutGroups(String id) {
    org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
    user.setPassword(id + "-password");
    user.setEmail(id + "@example.org");
    return user;
  }
}
