package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.TasklistFilterSeeder;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import fr.reflexespublics.bench.StatementCensus;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query for the tasks offered to the user's own groups is answered by the candidate links, without
 * the engine's authorization join (docs/security.md, "Own group tasks"); every other task query
 * keeps it.
 */
class OwnGroupTasksTest extends IntegrationTest {

  static final String MODEL = "own-group-tasks-check";
  static final String CALLERS_TASK = "Task_Callers";
  static final String ORIENTATORS_TASK = "Task_Orientators";
  static final String SHARED_TASK = "Task_Shared";
  /** the engine's authorization check of one resource */
  static final String ENGINE_CHECK = "isUserAuthorizedForResource";
  /** user queries are paged (query-max-results-limit) */
  static final int PAGE = 50;

  @BeforeEach
  void deploy() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MODEL).count() == 0) {
      repositoryService.createDeployment().name(MODEL)
          .addModelInstance(MODEL + ".bpmn", Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(30)
              .startEvent().parallelGateway("Fork")
              .userTask(CALLERS_TASK).camundaCandidateGroups(Groups.HOTLINE_CALLERS).endEvent("End_Callers")
              .moveToNode("Fork").userTask(ORIENTATORS_TASK).camundaCandidateGroups(Groups.ORIENTATORS)
              .endEvent("End_Orientators")
              .moveToNode("Fork").userTask(SHARED_TASK)
              .camundaCandidateGroups(Groups.HOTLINE_CALLERS + "," + Groups.AGENTS).endEvent("End_Shared")
              .done())
          .deploy();
    }
  }

  @Test
  void aCallersGroupTasksComeWithoutTheJoinAndAreTheOnesTheEngineAuthorizes() {
    List<String> instances = List.of(runtimeService.startProcessInstanceByKey(MODEL).getId(),
        runtimeService.startProcessInstanceByKey(MODEL).getId());
    List<String> brunoGroups = groupsOf("bruno");

    TaskQueryImpl own = (TaskQueryImpl) taskService.createTaskQuery().processDefinitionKey(MODEL)
        .processInstanceIdIn(instances.toArray(String[]::new)).taskCandidateGroupIn(brunoGroups);
    List<Task> seen = as("bruno", () -> own.listPage(0, PAGE));
    long counted = as("bruno", own::count);

    assertThat(own.getAuthCheck().isAuthorizationCheckEnabled()).as("the engine's join left out").isFalse();
    assertThat(seen).extracting(Task::getTaskDefinitionKey)
        .as("his group's tasks, the shared one once, not the orientators'")
        .containsExactlyInAnyOrder(CALLERS_TASK, CALLERS_TASK, SHARED_TASK, SHARED_TASK);
    assertThat(counted).isEqualTo(seen.size());
    for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
      boolean authorized = engine.getAuthorizationService().isUserAuthorized("bruno", brunoGroups, Permissions.READ,
          Resources.TASK, task.getId());
      assertThat(seen.stream().anyMatch(t -> t.getId().equals(task.getId())))
          .as("%s listed exactly when the engine grants bruno READ on it", task.getTaskDefinitionKey())
          .isEqualTo(authorized);
    }

    // Tasklist's filter ("My group tasks": ${currentUserGroups()}) and REST give the same tasks
    String filterId = engine.getFilterService().createFilterQuery()
        .filterName(TasklistFilterSeeder.MY_GROUP_TASKS).singleResult().getId();
    List<Task> inTasklist = as("bruno", () -> engine.getFilterService().<Task>listPage(filterId, 0, 1000));
    assertThat(inTasklist).filteredOn(t -> instances.contains(t.getProcessInstanceId()))
        .extracting(Task::getId).containsExactlyInAnyOrderElementsOf(seen.stream().map(Task::getId).toList());
    Rest.Answer tasklist = rest("bruno").post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        java.util.Map.of("processInstanceIdIn", instances,
            "sorting", List.of(java.util.Map.of("sortBy", "created", "sortOrder", "desc"))));
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.json().findValuesAsText("id")).as("what Tasklist's list of the filter shows")
        .containsExactlyInAnyOrderElementsOf(seen.stream().map(Task::getId).toList());
    Rest.Answer rest = rest("bruno").get("/engine-rest/task?processDefinitionKey=" + MODEL
        + "&candidateGroups=" + String.join(",", brunoGroups) + "&processInstanceIdIn=" + String.join(",", instances)
        + "&maxResults=" + PAGE);
    assertThat(rest.status()).isEqualTo(200);
    assertThat(rest.json().size()).isEqualTo(seen.size());
  }

  @Test
  void anotherGroupsTasksKeepTheCheck() {
    String instance = runtimeService.startProcessInstanceByKey(MODEL).getId();

    TaskQueryImpl othersTasks = (TaskQueryImpl) taskService.createTaskQuery().processInstanceId(instance)
        .taskCandidateGroup(Groups.ORIENTATORS);
    List<Task> brunoSees = as("bruno", () -> othersTasks.listPage(0, PAGE));
    TaskQueryImpl widened = (TaskQueryImpl) taskService.createTaskQuery().processInstanceId(instance)
        .taskCandidateGroupIn(groupsOf("bruno")).taskCandidateGroupLike("orient%");
    List<Task> widenedSees = as("bruno", () -> widened.listPage(0, PAGE));
    TaskQueryImpl asCandidateUser = (TaskQueryImpl) taskService.createTaskQuery().processInstanceId(instance)
        .taskCandidateUser("bruno");
    List<Task> asCandidateUserSees = as("bruno", () -> asCandidateUser.listPage(0, PAGE));
    TaskQueryImpl either = (TaskQueryImpl) taskService.createTaskQuery().processInstanceId(instance)
        .taskCandidateGroupIn(groupsOf("bruno")).or().taskName("none").taskAssignee("nobody").endOr();
    as("bruno", () -> either.listPage(0, PAGE));

    assertThat(brunoSees).as("bruno is no orientator").isEmpty();
    assertThat(othersTasks.getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
    assertThat(widened.getAuthCheck().isAuthorizationCheckEnabled()).as("a group pattern widens the query").isTrue();
    assertThat(widenedSees).as("the orientators' task matches the pattern, bruno may not read it")
        .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(CALLERS_TASK, SHARED_TASK);
    assertThat(asCandidateUser.getAuthCheck().isAuthorizationCheckEnabled()).as("a candidate user").isTrue();
    assertThat(asCandidateUserSees).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(CALLERS_TASK, SHARED_TASK);
    assertThat(either.getAuthCheck().isAuthorizationCheckEnabled()).as("an or() part").isTrue();
    assertThat(as("olga", () -> taskService.createTaskQuery().processInstanceId(instance)
        .taskCandidateGroup(Groups.ORIENTATORS).listPage(0, PAGE))).extracting(Task::getTaskDefinitionKey)
        .containsExactly(ORIENTATORS_TASK);
    Rest.Answer rest = rest("bruno").get("/engine-rest/task?processInstanceId=" + instance
        + "&candidateGroup=" + Groups.ORIENTATORS + "&maxResults=" + PAGE);
    assertThat(rest.status()).isEqualTo(200);
    assertThat(rest.json().size()).isZero();
  }

  @Test
  void aCandidateGroupsMemberWorksOnTheTaskWithoutTheEnginesCheckAndNobodyElseDoes() {
    String instance = runtimeService.startProcessInstanceByKey(MODEL).getId();
    Task callers = task(instance, CALLERS_TASK);
    Task orientators = task(instance, ORIENTATORS_TASK);
    Task shared = task(instance, SHARED_TASK);
    StatementCensus census = census();
    assertDoneExactlyWhenGranted(List.of("bruno", "olga", "alice"), List.of(callers, orientators, shared),
        Permissions.TASK_WORK, this::claims);

    // a completion through Tasklist's REST call, then through the Java API (the form's definition
    // is read once per task definition, under the definition's READ: the second one has none)
    grantRead("bruno", MODEL);
    Rest.Answer completed = rest("bruno").post("/engine-rest/task/" + callers.getId() + "/complete", Map.of());
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(open(instance, CALLERS_TASK)).isZero();
    Rest.Answer refused = rest("bruno").post("/engine-rest/task/" + orientators.getId() + "/complete", Map.of());
    assertThat(refused.status()).as("bruno is no orientator").isEqualTo(403);
    assertThat(refused.body()).contains("TASK_WORK");
    assertThat(open(instance, ORIENTATORS_TASK)).as("nothing done").isOne();
    completeAs("bruno", shared, Map.of());
    Task nextCall = task(runtimeService.startProcessInstanceByKey(MODEL).getId(), CALLERS_TASK);
    census.start();
    completeAs("bruno", nextCall, Map.of());
    Map<String, Double> asCandidate = census.stop(1);
    assertThat(open(nextCall.getProcessInstanceId(), CALLERS_TASK)).isZero();

    // a grant on the process definition still counts, through the engine's check
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createAuthorizationQuery().userIdIn("bruno")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(MODEL).singleResult();
    grant.addPermission(Permissions.TASK_WORK);
    authorizations.saveAuthorization(grant);
    try {
      census.start();
      completeAs("bruno", orientators, Map.of());
      Map<String, Double> throughTheDefinition = census.stop(1);
      assertThat(open(instance, ORIENTATORS_TASK)).isZero();
      // the same shape of step (a task, then an end event); the test's coverage listener reads the
      // definition at each event, under its own checks, in both
      assertThat(throughTheDefinition.get(ENGINE_CHECK)).as("the engine's check of the step")
          .isEqualTo(asCandidate.getOrDefault(ENGINE_CHECK, 0.0) + 1);
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  @Test
  void theAssigneeReadsAndCompletesTheTaskWithoutTheEnginesCheckAndNobodyElseDoes() {
    String model = "own-group-tasks-assigned";
    String instance = deployAndStart(Bpmn.createExecutableProcess(model).camundaHistoryTimeToLive(30)
        .startEvent().parallelGateway("Fork")
        .userTask("Task_Alice").camundaAssignee("alice").endEvent("End_Alice")
        .moveToNode("Fork").userTask("Task_Olga").camundaAssignee("olga").endEvent("End_Olga")
        .done());
    Task alices = task(instance, "Task_Alice");
    assertDoneExactlyWhenGranted(List.of("alice", "olga", "bruno"), List.of(alices, task(instance, "Task_Olga")),
        Permissions.READ, this::readsVariables);

    grantRead("alice", model);
    grantRead("bruno", model);
    assertThatThrownBy(() -> completeAs("bruno", alices, Map.of())).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("TASK_WORK");
    assertThat(open(instance, "Task_Alice")).as("nothing done").isOne();
    completeAs("alice", alices, Map.of());
    assertThat(open(instance, "Task_Alice")).isZero();
  }

  /**
   * Each user does {@code step} on each task exactly when the engine's own check (through the
   * authorization service, the task not loaded) grants them {@code permission}; when they do, the
   * engine's statement is not run.
   */
  private void assertDoneExactlyWhenGranted(List<String> users, List<Task> tasks, Permission permission,
      BiPredicate<String, Task> step) {
    StatementCensus census = census();
    for (String user : users) {
      for (Task task : tasks) {
        census.start();
        boolean engineSays = engine.getAuthorizationService().isUserAuthorized(user, groupsOf(user),
            permission, Resources.TASK, task.getId());
        assertThat(census.stop(1)).as("the engine's own answer").containsKey(ENGINE_CHECK);
        census.start();
        boolean done = step.test(user, task);
        Map<String, Double> statements = census.stop(1);
        assertThat(done).as("%s on %s exactly when the engine grants it", user, task.getTaskDefinitionKey())
            .isEqualTo(engineSays);
        if (done) {
          assertThat(statements).as("answered by the task's grant").doesNotContainKey(ENGINE_CHECK);
        }
      }
    }
  }

  /** True when {@code user} could read the variables of {@code task}; false when the engine refused it. */
  private boolean readsVariables(String user, Task task) {
    try {
      as(user, () -> taskService.getVariables(task.getId()));
      return true;
    } catch (AuthorizationException refused) {
      return false;
    }
  }

  /** How many tasks of {@code taskKey} are open in {@code instance}. */
  private long open(String instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).count();
  }

  /** True when {@code user} could claim {@code task} (the claim then released); false when the engine refused it. */
  private boolean claims(String user, Task task) {
    try {
      as(user, () -> {
        taskService.claim(task.getId(), user);
        return null;
      });
      taskService.setAssignee(task.getId(), null);
      return true;
    } catch (AuthorizationException refused) {
      assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
      return false;
    }
  }
}
