package fr.reflexespublics.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo organisation, its groups, filters and authorizations (DESIGN.md contract). */
class OrganisationTest extends IntegrationTest {

  @Autowired OrganisationService organisation;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void everyContractGroupAndDemoUserExists() {
    Groups.ALL.keySet().forEach(group ->
        assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1));
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.AGENTS).count()).isEqualTo(11);
    assertThat(organisation.isMember("bruno", Groups.HOTLINE_CALLERS)).isTrue();
    assertThat(organisation.isMember("hugo", Groups.HOTLINE_COORDINATORS)).isTrue();
    assertThat(organisation.isMember("alice", Groups.MANAGERS)).isFalse();
    assertThat(organisation.isMember("admin", Groups.CAMUNDA_ADMIN)).isTrue();
  }

  @Test
  void addressesComeInTheOrderGivenWithoutDuplicatesNorUnknownUsers() {
    assertThat(organisation.emailsOf(java.util.List.of("marc", "alice", "nobody", "alice", "bruno")))
        .containsExactly("marc@example.org", "alice@example.org", "bruno@example.org");
    assertThat(organisation.emailsOf(java.util.List.of())).isEmpty();
    // more users than one query takes
    java.util.List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < OrganisationService.USERS_PER_QUERY + 5; i++) {
      many.add("nobody-" + i);
    }
    many.add("hugo");
    assertThat(organisation.emailsOf(many)).containsExactly("hugo@example.org");
  }

  @Test
  void aGroupLargerThanTheLimitGivesNoMembers() {
    long agents = identityService.createUserQuery().memberOfGroup(Groups.AGENTS).count();
    assertThat(organisation.membersOf(Groups.AGENTS, (int) agents)).hasSize((int) agents).contains("alice");
    assertThat(organisation.membersOf(Groups.AGENTS, (int) agents - 1)).isEmpty();
    assertThat(organisation.membersOf(Groups.AGENTS, Integer.MAX_VALUE)).hasSize((int) agents);
  }

  @Test
  void aGroupsMembersComeWithTheirAddressesWhichAreNotLookedUpAgain() {
    java.util.Map<String, String> callers = organisation.addressesOfMembers(Groups.HOTLINE_CALLERS, 100);
    assertThat(callers).containsEntry("bruno", "bruno@example.org")
        .containsOnlyKeys(organisation.membersOf(Groups.HOTLINE_CALLERS, 100));
    java.util.List<String> users = new java.util.ArrayList<>(java.util.List.of("marc", "nobody"));
    users.addAll(callers.keySet());
    OrganisationService.Recipients group = organisation.recipients();
    assertThat(group.addGroup(Groups.HOTLINE_CALLERS, 100)).isEqualTo(callers.size());
    OrganisationService.Recipients others = organisation.recipients();
    others.addUser("marc");
    others.addUser("nobody");
    others.addGroup(Groups.HOTLINE_CALLERS, 100);

    var census = census();
    census.start();
    java.util.List<String> fromTheGroup = group.addresses();
    java.util.Map<String, Double> none = census.stop(1);
    census.start();
    java.util.List<String> mixed = others.addresses();
    java.util.Map<String, Double> one = census.stop(1);

    assertThat(fromTheGroup).isEqualTo(organisation.emailsOf(callers.keySet())).contains("bruno@example.org");
    assertThat(none).as("every address known").doesNotContainKey("selectUserByQueryCriteria");
    assertThat(mixed).as("the others looked up, in the order given").isEqualTo(organisation.emailsOf(users))
        .startsWith("marc@example.org");
    assertThat(one.get("selectUserByQueryCriteria")).isEqualTo(1.0);
    assertThat(organisation.addressesOfMembers(Groups.AGENTS, 2)).as("larger than the limit").isEmpty();
    assertThat(organisation.recipients().addGroup(Groups.AGENTS, 2)).as("larger than the limit").isZero();
  }

  @Test
  void managersComeFromTheServiceTable() {
    assertThat(organisation.managerOf("alice")).hasValue("marc");
    assertThat(organisation.managerOf("bruno")).hasValue("nadia");
    assertThat(organisation.managerOf("chloe")).hasValue("nadia");
    assertThat(organisation.managerOf("marc")).hasValue("diane"); // a head reports to the parent service's head
    assertThat(organisation.managerOf("diane")).isEmpty();
    assertThat(organisation.serviceOf("alice")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Roads"));
  }

  @Test
  void theApiTellsAnAgentWhereTheyStand() {
    Rest.Answer me = rest("bruno").get("/api/organisation/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("userId").asText()).isEqualTo("bruno");
    assertThat(me.json().path("manager").asText()).isEqualTo("nadia");
    assertThat(me.json().path("service").path("name").asText()).isEqualTo("Early Childhood");
    assertThat(me.json().path("groups").toString()).contains("hotline-callers");
  }

  @Test
  void theSharedTasklistFiltersExistAndAgentsMayReadThem() {
    for (String name : new String[] {TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.MY_GROUP_TASKS,
        TasklistFilterSeeder.DUE_SOON}) {
      var filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(authorizationService.isUserAuthorized("alice", java.util.List.of(Groups.AGENTS), Permissions.READ,
          Resources.FILTER, filter.getId())).as(name).isTrue();
    }
  }

  @Test
  void myTasksHoldsWhatIsMineByNameAndMyGroupTasksWhatIsOfferedToMyGroups() {
    String instance = deployAndStart(org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("shared-filters-check")
        .camundaHistoryTimeToLive(30).startEvent().parallelGateway("Fork")
        .userTask("Task_Assigned").camundaAssignee("bruno").endEvent("End_Assigned")
        .moveToNode("Fork").userTask("Task_ByName").camundaCandidateUsers("bruno").endEvent("End_ByName")
        .moveToNode("Fork").userTask("Task_Group").camundaCandidateGroups(Groups.HOTLINE_CALLERS).endEvent("End_Group")
        .moveToNode("Fork").userTask("Task_Other").camundaAssignee("chloe").endEvent("End_Other")
        .done());

    assertThat(shownTo("bruno", TasklistFilterSeeder.MY_TASKS, instance))
        .as("assigned to him or offered to him by name, not his group's")
        .containsExactlyInAnyOrder("Task_Assigned", "Task_ByName");
    assertThat(shownTo("bruno", TasklistFilterSeeder.MY_GROUP_TASKS, instance)).containsExactly("Task_Group");
  }

  private java.util.List<String> shownTo(String user, String filterName, String instance) {
    var filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    java.util.List<org.camunda.bpm.engine.task.Task> tasks = as(user, () -> filterService.listPage(filter.getId(),
        taskService.createTaskQuery().processInstanceId(instance), 0, 50));
    return tasks.stream().map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
  }

  @Test
  void onlyAdminsGetCockpitAdminAndDeployment() {
    java.util.List<String> agent = java.util.List.of(Groups.AGENTS, Groups.MANAGERS, Groups.HR, Groups.DIRECTORS);
    assertThat(authorizationService.isUserAuthorized("diane", agent, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("diane", agent, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizationService.isUserAuthorized("diane", agent, Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizationService.isUserAuthorized("diane", agent, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("admin", java.util.List.of(Groups.CAMUNDA_ADMIN), Permissions.CREATE,
        Resources.DEPLOYMENT)).isTrue();
  }

  @Test
  void processStartersComeFromTheProcessAccessDeclarations() {
    assertThat(authorizationService.isUserAuthorized("alice", java.util.List.of(Groups.AGENTS),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "foundation-check")).isTrue();
    assertThat(authorizationService.isUserAuthorized("alice", java.util.List.of(Groups.AGENTS),
        ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "foundation-check")).isFalse();
    assertThat(authorizationService.isUserAuthorized("marc", java.util.List.of(Groups.MANAGERS),
        ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "foundation-check")).isTrue();
  }
}
