package fr.reflexespublics.retex;

import static fr.reflexespublics.retex.RetexProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.ProcessCoverage;
import fr.reflexespublics.support.Rest;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The retex ritual: ines launches, colin announces, participants testify, ines runs the workshop. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetexRitualProcessTest extends IntegrationTest {

  @Autowired RetexYearlySchedule yearlySchedule;
  private final Date classStart = new Date();

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
    ProcessCoverage.assertAtLeast(engine, YEARLY_KEY, classStart, 0.9);
  }

  private Map<String, Object> launchValues(String participants, boolean anonymous) {
    Map<String, Object> v = new HashMap<>();
    v.put(RETEX_TITLE, "Retex of the second lockdown");
    v.put(CRISIS_PHASE, "End of the second lockdown");
    v.put(SCOPE, "Roads and Early Childhood");
    v.put(PARTICIPANTS, participants);
    v.put(ANONYMOUS, anonymous);
    v.put(TESTIMONY_DEADLINE, today().plusDays(10).toString());
    return v;
  }

  private ProcessInstance launchAndAnnounce(String participants, boolean anonymous) {
    ProcessInstance retex = startAs("ines", KEY, launchValues(participants, anonymous));
    completeAs("colin", task(retex.getId(), TASK_ANNOUNCE), Map.of(WHAT_CHANGES, "Teams come back on site two days a week",
        WHAT_STAYS, "The crisis cell meets every Monday", NEXT_STAGE, "A review in March, before the spring"));
    executeJobs(retex.getId());
    return retex;
  }

  private Task testimonyOf(ProcessInstance retex, String user) {
    return taskService.createTaskQuery().processInstanceId(retex.getId()).taskDefinitionKey(TASK_GIVE_TESTIMONY)
        .taskAssignee(user).singleResult();
  }

  private void testify(ProcessInstance retex, String user, String disagreement, int wellbeing) {
    Map<String, Object> v = new HashMap<>();
    v.put(WHAT_WORKED, "The crisis cell answered within the day (" + user + ")");
    v.put(WHAT_WAS_HARD, "Working from the kitchen table");
    v.put(DONE_DIFFERENTLY, "");
    v.put(DISAGREEMENT, disagreement);
    v.put(WELLBEING, wellbeing);
    completeAs(user, testimonyOf(retex, user), v);
  }

  private String retexId(ProcessInstance retex) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(retex.getId()).singleResult()
        .getBusinessKey();
  }

  private static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  @Test
  void theFullRitualWithOneParticipantWhoNeverAnswers() {
    ProcessInstance retex = launchAndAnnounce("alice,bruno,chloe", false);
    String id = retexId(retex);
    // who launched it is the instance's start user, not a variable of its own
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(retex.getId()).singleResult()
        .getStartUserId()).isEqualTo("ines");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(retex.getId()).list())
        .noneMatch(v -> "ines".equals(v.getValue()));
    // the launch form's scope and participants are transient: the retex row and its participants keep them
    assertThat(jdbc.queryForObject("SELECT scope FROM retex WHERE id = ?", String.class, id))
        .isEqualTo("Roads and Early Childhood");
    assertThat(jdbc.queryForList("SELECT user_id FROM retex_participant WHERE retex_id = ? ORDER BY user_id", String.class, id))
        .containsExactly("alice", "bruno", "chloe");
    assertNeverStored(retex.getId(), SCOPE, PARTICIPANT_GROUP, PARTICIPANTS);
    assertThat(mailsTo("chloe@example.org")).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] End of the second lockdown: what changes, what stays");

    testify(retex, "alice", "", 4);
    testify(retex, "bruno", "Decisions came too late for the crèches", 2);
    fireTimer(retex.getId(), TIMER_TESTIMONY_REMINDER);
    executeJobs(retex.getId());
    assertThat(mailsTo("chloe@example.org")).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] Your testimony for \"Retex of the second lockdown\" is awaited");
    assertThat(mailsTo("alice@example.org")).extracting(IntegrationTest::subject).noneMatch(s -> s.contains("awaited"));
    fireTimer(retex.getId(), TIMER_TESTIMONY_DEADLINE);

    Task workshop = task(retex.getId(), TASK_FACILITATE_WORKSHOP);
    assertThat((String) runtimeService.getVariable(retex.getId(), TESTIMONY_DIGEST))
        .contains("Working from the kitchen table").contains("Decisions came too late").doesNotContain("alice,");
    assertThatThrownBy(() -> completeAs("ines", workshop, Map.of(LESSONS,
        json("[{\"title\":\"Decide earlier\",\"description\":\"\"}]"), DISSENT_ANSWERS, json("[]"))))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("must all be answered");
    completeAs("ines", workshop, Map.of(
        LESSONS, json("[{\"title\":\"Decide earlier for the crèches\",\"description\":\"A 48-hour rule\"},"
            + "{\"title\":\"Equip home workers\",\"description\":\"Chairs and screens on loan\"}]"),
        DISSENT_ANSWERS, json("[{\"dissent\":\"Decisions came too late for the crèches\","
            + "\"answer\":\"Taken up: lesson 'Decide earlier for the crèches'\"}]")));

    java.time.Instant committed = java.time.Instant.now();
    List<Task> commits = taskService.createTaskQuery().processInstanceId(retex.getId())
        .taskDefinitionKey(TASK_COMMIT_ACTION).list();
    assertThat(commits).hasSize(2);
    for (Task commit : commits) {
      completeAs("ines", commit, Map.of(ACTION_OWNER, "nadia", ACTION, "Write the 48-hour decision rule down",
          ACTION_DUE, today().plusMonths(2).toString(), PLAN_ITEM, "Administration plan 2027, axis 3"));
    }
    executeJobs(retex.getId());

    assertThat(retex).isWaitingAt(TIMER_ACTION_REVIEW);
    // reflexes.retex.action-review-delay (P90D) after the results, read from the configuration, not copied
    assertDueAfter(retex.getId(), TIMER_ACTION_REVIEW, committed, java.time.Duration.ofDays(90));
    assertNeverStored(retex.getId(), "actionReviewDelay");
    String results = body(mailsTo("chloe@example.org").stream().filter(m -> subject(m).startsWith("[Public Reflexes] Results"))
        .findFirst().orElseThrow());
    assertThat(results).contains("Decide earlier for the crèches").contains("Decisions came too late for the crèches")
        .contains("Taken up").contains("owner nadia").contains("2 testimonies from 3 participants (67 %)");
    Rest.Answer published = rest("chloe").get("/api/retex/" + id);
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().path("lessons")).hasSize(2);
    assertThat(published.json().path("dissents").get(0).path("answer").asText()).startsWith("Taken up");
    assertThat(published.json().path("actions")).hasSize(2);
    assertThat(published.body()).doesNotContain("kitchen table"); // testimonies are not published as such
    assertThat(rest("marc").get("/api/retex/" + id).status()).isEqualTo(403);
    assertThat(rest("hugo").get("/api/retex/" + id).status()).isEqualTo(200);

    fireTimer(retex.getId(), TIMER_ACTION_REVIEW);
    Task review = task(retex.getId(), TASK_REVIEW_ACTIONS);
    JsonNode lines = published.json().path("actions");
    String first = lines.get(0).path("id").asText();
    String second = lines.get(1).path("id").asText();
    assertThatThrownBy(() -> completeAs("ines", review, Map.of(ACTION_STATUSES, json("[{\"actionId\":\"" + first
        + "\",\"status\":\"ABANDONED\",\"reason\":\"\"},{\"actionId\":\"" + second + "\",\"status\":\"DONE\"}]"))))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("an abandoned action needs a reason");
    completeAs("ines", review, Map.of(ACTION_STATUSES, json("[{\"actionId\":\"" + first
        + "\",\"status\":\"DONE\",\"reason\":\"\"},{\"actionId\":\"" + second
        + "\",\"status\":\"ABANDONED\",\"reason\":\"The loan budget was cut\"}]")));
    executeJobs(retex.getId());

    assertThat(retex).isEnded().hasPassed(END_FOLLOWED_UP);
    assertThat(mailsTo("alice@example.org")).extracting(IntegrationTest::body)
        .anySatisfy(b -> assertThat(b).contains("ABANDONED - The loan budget was cut"));
    assertThat(jdbc.queryForObject("SELECT author FROM retex_testimony WHERE retex_id = ? AND disagreement LIKE 'Decisions%'",
        String.class, id)).isEqualTo("bruno");
  }

  /** No variable, variable history or history detail holds the text, whatever its name. */
  private void assertNoVariableHolds(String text) {
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
          Integer.class, "%" + text + "%", "%" + text + "%")).as(table).isZero();
    }
  }

  @Test
  void anonymousTestimoniesLeaveNoAuthorInTheTablesNorInRuntimeOrHistory() {
    String secret = "The director shouted at us on 3 April " + System.nanoTime();
    ProcessInstance retex = launchAndAnnounce("alice,bruno", true);

    testify(retex, "alice", secret, 1);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retex_testimony WHERE disagreement = ? AND author IS NULL",
        Integer.class, secret)).isEqualTo(1);
    assertNoVariableHolds(secret);
    assertNeverStored(retex.getId(), WHAT_WORKED, WHAT_WAS_HARD, DONE_DIFFERENTLY, DISAGREEMENT, WELLBEING);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(retex.getId()).list())
        .noneMatch(d -> d.toString().contains(secret));
  }

  @Test
  void anAnonymousTestimonySubmittedThroughTasklistsFormLeavesNoTextInRuntimeOrHistory() {
    String secret = "The director shouted at us on 4 April " + System.nanoTime();
    ProcessInstance retex = launchAndAnnounce("alice,bruno", true);
    Task task = testimonyOf(retex, "alice");

    // what Tasklist sends: the form's fields to /submit-form, which the engine's form handler
    // used to copy into ACT_HI_DETAIL as form properties, transient or not
    Rest.Answer answer = rest("alice").post("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of(
            WHAT_WORKED, Map.of("value", "The crisis cell answered within the day"),
            WHAT_WAS_HARD, Map.of("value", "Working from the kitchen table"),
            DONE_DIFFERENTLY, Map.of("value", ""),
            DISAGREEMENT, Map.of("value", secret),
            WELLBEING, Map.of("value", 2))));

    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retex_testimony WHERE disagreement = ? AND author IS NULL",
        Integer.class, secret)).isEqualTo(1);
    assertNoVariableHolds(secret);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anotherProcessMayStartARitualWithTheSameVariables() {
    ProcessInstance retex = runtimeService.startProcessInstanceByKey(KEY, launchValues("marc,nadia", false));

    assertThat(retex).isWaitingAt(TASK_ANNOUNCE);
    assertThat((List<Object>) runtimeService.getVariable(retex.getId(), PARTICIPANT_LIST)).containsExactly("marc", "nadia");
    // stored under a class name Spin loads at once when the mails and testimonies read the list
    // (java.util.ArrayList<java.lang.String> sends the class loader through every jar first)
    org.camunda.bpm.engine.variable.value.ObjectValue stored =
        runtimeService.getVariableTyped(retex.getId(), PARTICIPANT_LIST, false);
    assertThat(stored.getObjectTypeName()).isEqualTo(fr.reflexespublics.platform.NameList.class.getName());
    assertThat(stored.getValueSerialized()).isEqualTo("[\"marc\",\"nadia\"]");
  }

  @Test
  void theYearlyRitualStartsByItselfWhenEnabled() {
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(YEARLY_KEY).latestVersion()
        .singleResult();
    Job timer = managementService.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();
    assertThat(timer.isSuspended()).as("off by default").isTrue();
    yearlySchedule.apply(true);
    try {
      timer = managementService.createJobQuery().jobId(timer.getId()).singleResult();
      assertThat(timer.isSuspended()).isFalse();
      long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();

      managementService.executeJob(timer.getId());
      executeJobs(managementService.createJobQuery().processDefinitionId(definition.getId()).messages().singleResult()
          .getProcessInstanceId());

      List<ProcessInstance> started = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
          .orderByProcessInstanceId().asc().list();
      assertThat(started).hasSize((int) before + 1);
      ProcessInstance yearly = started.stream()
          .filter(p -> String.valueOf(runtimeService.getVariable(p.getId(), RETEX_TITLE)).startsWith("Yearly retex ritual"))
          .findFirst().orElseThrow();
      assertThat(yearly).isWaitingAt(TASK_ANNOUNCE);
      assertThat(runtimeService.getVariable(yearly.getId(), ANONYMOUS)).isEqualTo(true);
      assertThat((List<?>) runtimeService.getVariable(yearly.getId(), PARTICIPANT_LIST)).hasSize(11);
      assertNeverStored(yearly.getId(), SCOPE, PARTICIPANT_GROUP, PARTICIPANTS);
    } finally {
      yearlySchedule.apply(false);
    }
  }

  @Test
  void badLaunchesAreRefusedAndNothingIsStored() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM retex", Long.class);
    Map<String, Object> empty = launchValues("", false);
    Map<String, Object> past = launchValues("alice", false);
    past.put(TESTIMONY_DEADLINE, today().minusDays(1).toString());
    Map<String, Object> unknown = launchValues("alice,ghost", false);
    Map<String, Object> group = launchValues("", false);
    group.put(PARTICIPANT_GROUP, "no-such-group");

    assertThatThrownBy(() -> startAs("ines", KEY, empty)).hasMessageContaining("at least one participant");
    assertThatThrownBy(() -> startAs("ines", KEY, past)).hasMessageContaining("testimonyDeadline: must not be in the past");
    assertThatThrownBy(() -> startAs("ines", KEY, unknown)).hasMessageContaining("participants: 'ghost' is not a user");
    assertThatThrownBy(() -> startAs("ines", KEY, group)).hasMessageContaining("participantGroup: 'no-such-group' is not a group");
    assertThatThrownBy(() -> startAs("alice", KEY, launchValues("bruno", false)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retex", Long.class)).isEqualTo(before);
  }

  @Test
  void objectsInTheLaunchFormAreRefusedLikeAnyBadValue() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM retex", Long.class);
    Map<String, Object> serialized = Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));
    Map<String, Object> variables = new HashMap<>();
    for (String field : List.of(RETEX_TITLE, CRISIS_PHASE, SCOPE, PARTICIPANT_GROUP, PARTICIPANTS, ANONYMOUS,
        TESTIMONY_DEADLINE)) {
      variables.put(field, serialized);
    }
    for (String endpoint : List.of("start", "submit-form")) {
      Rest.Answer answer = rest("ines").post("/engine-rest/process-definition/key/" + KEY + "/" + endpoint,
          Map.of("variables", variables));
      assertThat(answer.status()).as(endpoint + " " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("at org.");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retex", Long.class)).isEqualTo(before);
  }

  @Test
  void badWorkshopsAndActionsAreRefused() {
    ProcessInstance retex = launchAndAnnounce("alice", false);
    testify(retex, "alice", "", 3);
    Task workshop = task(retex.getId(), TASK_FACILITATE_WORKSHOP);

    assertThatThrownBy(() -> completeAs("ines", workshop, Map.of(LESSONS, json("[{\"description\":\"no title\"}]"),
        DISSENT_ANSWERS, json("[]")))).hasMessageContaining("lessons[0].title: is required");
    assertThatThrownBy(() -> completeAs("ines", workshop, Map.of(LESSONS, json("[]"), DISSENT_ANSWERS, json("[]"))))
        .hasMessageContaining("draw at least one lesson");
    completeAs("ines", workshop, Map.of(LESSONS, json("[{\"title\":\"Keep the Monday cell\"}]"), DISSENT_ANSWERS, json("[]")));

    Task commit = task(retex.getId(), TASK_COMMIT_ACTION);
    assertThatThrownBy(() -> completeAs("ines", commit, Map.of(ACTION_OWNER, "ghost", ACTION, "Keep the Monday cell going",
        ACTION_DUE, today().plusDays(5).toString(), PLAN_ITEM, "Axis 1"))).hasMessageContaining("actionOwner: 'ghost' is not a user");
    assertThatThrownBy(() -> completeAs("ines", commit, Map.of(ACTION_OWNER, "diane", ACTION, "Keep the Monday cell going",
        ACTION_DUE, today().minusDays(1).toString(), PLAN_ITEM, "Axis 1"))).hasMessageContaining("actionDue: must not be in the past");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retex_action WHERE retex_id = ?", Integer.class, retexId(retex))).isZero();
  }
}
