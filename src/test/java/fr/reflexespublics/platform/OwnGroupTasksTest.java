package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.TasklistFilterSeeder;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import java.util.List;
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
}
