package fr.reflexespublics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.reflexespublics.bench.StatementCensus;
import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Authorizations are grants only (docs/security.md, "Grants only"): revokes refused, never asked for;
 * a candidate group's grant on its task kept while it is a candidate.
 */
class GrantsOnlyTest extends IntegrationTest {

  @Test
  void anAdministratorCannotCreateARevokeAndNothingIsStored() {
    Rest.Answer revoke = rest("admin").post("/engine-rest/authorization/create", Map.of("type", 2,
        "permissions", new String[] {"ACCESS"}, "userId", "alice", "resourceType", 0, "resourceId", "tasklist"));

    assertThat(revoke.status()).isEqualTo(400);
    assertThat(revoke.message()).isEqualTo(GrantsOnly.REFUSED);
    assertThat(revokesStored()).isZero();
    Authorization javaRevoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    javaRevoke.setUserId("alice");
    javaRevoke.setResource(Resources.APPLICATION);
    javaRevoke.setResourceId("tasklist");
    javaRevoke.addPermission(Permissions.ACCESS);
    assertThatThrownBy(() -> engine.getAuthorizationService().saveAuthorization(javaRevoke))
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.REFUSED);
    assertThat(revokesStored()).isZero();

    // grants are saved as before
    Rest.Answer grant = rest("admin").post("/engine-rest/authorization/create", Map.of("type", 1,
        "permissions", new String[] {"READ"}, "userId", "alice", "resourceType", Resources.FILTER.resourceType(),
        "resourceId", "grants-only-check"));
    assertThat(grant.status()).isEqualTo(200);
    engine.getAuthorizationService().deleteAuthorization(grant.json().path("id").asText());
  }

  @Test
  void theEngineDoesNotRunOnADatabaseHoldingARevoke() {
    // as an older version or a direct SQL script could have left one
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " VALUES ('grants-only-revoke', 1, 2, 'alice', 0, 'tasklist', 2)");
    try {
      assertThatThrownBy(() -> GrantsOnly.checkNoRevokeStored(engine))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("1 revoke authorization(s)")
          .hasMessageContaining("authorization-check-revokes");
    } finally {
      jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'grants-only-revoke'");
    }
    GrantsOnly.checkNoRevokeStored(engine); // and runs again once it is gone
  }

  @Test
  void aUsersCommandDoesNotAskForRevokes() {
    StatementCensus census = census();
    census.start();
    long visible = as("alice", () -> runtimeService.createProcessInstanceQuery().processDefinitionKey("none").count());
    Map<String, Double> statements = census.stop(1);

    assertThat(visible).isZero();
    assertThat(statements).as("the user's query checked its authorizations")
        .containsKey("selectProcessInstanceCountByQueryCriteria")
        .doesNotContainKey("selectRevokeAuthorization");
  }

  @Test
  void theGrantOfATasksCandidateGroupIsNotTakenBackWhileItIsACandidate() {
    String taskId = taskService.createTaskQuery().processInstanceId(deployAndStart(
        Bpmn.createExecutableProcess("candidate-grant-check").camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Call").camundaCandidateGroups(Groups.HOTLINE_CALLERS).endEvent().done()))
        .singleResult().getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .groupIdIn(Groups.HOTLINE_CALLERS).singleResult();

    Rest.Answer delete = rest("admin").delete("/engine-rest/authorization/" + grant.getId());
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.message()).isEqualTo(GrantsOnly.TASK_GRANT_KEPT);
    grant.removePermission(Permissions.READ);
    assertThatThrownBy(() -> authorizations.saveAuthorization(grant))
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.TASK_GRANT_KEPT);
    Authorization idle = authorizations.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    assertThat(idle.isPermissionGranted(Permissions.TASK_WORK)).as("the engine's grant to candidates").isTrue();
    idle.removePermission(Permissions.TASK_WORK);
    assertThatThrownBy(() -> authorizations.saveAuthorization(idle)).as("members work on the task through it")
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.TASK_GRANT_KEPT);
    Authorization moved = authorizations.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    moved.setGroupId(Groups.ORIENTATORS);
    assertThatThrownBy(() -> authorizations.saveAuthorization(moved))
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.TASK_GRANT_KEPT);
    assertThat(as("bruno", () -> taskService.createTaskQuery().taskId(taskId).count())).as("still his group's").isOne();

    // more permissions are fine; once the group is no longer a candidate, its grant can go
    Authorization more = authorizations.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    more.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(more);
    taskService.deleteCandidateGroup(taskId, Groups.HOTLINE_CALLERS);
    assertThat(rest("admin").delete("/engine-rest/authorization/" + grant.getId()).status()).isEqualTo(204);
    assertThat(as("bruno", () -> taskService.createTaskQuery().taskId(taskId).count())).isZero();
  }

  @Test
  void theGrantOfATasksAssigneeIsNotTakenBackWhileTheTaskIsTheirs() {
    String taskId = taskService.createTaskQuery().processInstanceId(deployAndStart(
        Bpmn.createExecutableProcess("assignee-grant-check").camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Report").camundaAssignee("alice").endEvent().done()))
        .singleResult().getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .userIdIn("alice").singleResult();
    assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).as("the engine's grant to the assignee").isTrue();

    Rest.Answer delete = rest("admin").delete("/engine-rest/authorization/" + grant.getId());
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.message()).isEqualTo(GrantsOnly.TASK_GRANT_KEPT);
    grant.removePermission(Permissions.TASK_WORK);
    assertThatThrownBy(() -> authorizations.saveAuthorization(grant))
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.TASK_GRANT_KEPT);
    Authorization moved = authorizations.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    moved.setUserId("olga");
    assertThatThrownBy(() -> authorizations.saveAuthorization(moved))
        .isInstanceOf(BadUserRequestException.class).hasMessage(GrantsOnly.TASK_GRANT_KEPT);
    assertThat(authorizations.createAuthorizationQuery().authorizationId(grant.getId()).singleResult()
        .isPermissionGranted(Permissions.TASK_WORK)).as("nothing stored").isTrue();

    // once the task is someone else's, the former assignee's grant can go
    taskService.setAssignee(taskId, "olga");
    assertThat(rest("admin").delete("/engine-rest/authorization/" + grant.getId()).status()).isEqualTo(204);
    assertThat(as("alice", () -> taskService.createTaskQuery().taskId(taskId).count())).isZero();
  }

  private long revokesStored() {
    return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .count();
  }
}
