package fr.reflexespublics.relay;

import static fr.reflexespublics.relay.RelayProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.ProcessCoverage;
import fr.reflexespublics.support.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every path of relay porting: ines (innovation unit) launches and coordinates, department heads
 * (marc, nadia, diane) accept or decline, directors (diane) arbitrate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayPortingProcessTest extends IntegrationTest {

  private final Date classStart = new Date();

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
  }

  private ProcessInstance launch(String title) {
    return startAs("ines", KEY, Map.of(TITLE, title,
        DESCRIPTION, "Mobile ashtrays designed with the agents of the city centre",
        INITIATORS, "alice, bruno"));
  }

  private static final String PLAN = "Two pilot streets, then the whole centre by June";

  private void identify(ProcessInstance relay, String department, String head) {
    completeAs("ines", task(relay.getId(), TASK_IDENTIFY_FINAL_CARRIER), Map.of(CARRIER_DEPARTMENT, department,
        CARRIER_USER_ID, head, RELAY_PLAN, PLAN + " (" + department + ")",
        RELAY_DEADLINE, LocalDate.now().plusMonths(4).toString()));
  }

  private void decline(ProcessInstance relay, String head) {
    completeAs(head, task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "DECLINE",
        DECLINE_REASON, reasonOf(head)));
  }

  private static String reasonOf(String head) {
    return "Not our field, and no one to carry it this year, says " + head;
  }

  /** The declines recorded for a relay, oldest first: department, head, reason. */
  private List<List<Object>> declines(ProcessInstance relay) {
    return jdbc.query("""
        SELECT d.carrier_department, d.carrier_user_id, d.reason FROM relay_decline d JOIN relay r ON r.id = d.relay_id
         WHERE r.process_instance_id = ? ORDER BY d.declined_at, d.carrier_user_id""",
        (rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3)), relay.getId());
  }

  private Map<String, Object> relayRow(ProcessInstance relay) {
    return jdbc.queryForMap("SELECT * FROM relay WHERE process_instance_id = ?", relay.getId());
  }

  @Test
  void acceptedFirstTimeThenAdoptedAndCatalogued() {
    String title = "Megotiers " + System.nanoTime();
    ProcessInstance relay = launch(title);
    assertThat(task(relay.getId(), TASK_IDENTIFY_FINAL_CARRIER)).isNotNull();

    identify(relay, "roads", "marc");
    assertThat(task(relay.getId(), TASK_ACCEPT_OWNERSHIP).getAssignee()).isEqualTo("marc");
    completeAs("marc", task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "ACCEPT"));

    assertThat(relay).isWaitingAt(TASK_CONFIRM_ADOPTION);
    completeAs("marc", task(relay.getId(), TASK_CONFIRM_ADOPTION), Map.of(ADOPTION_SUMMARY,
        "Emptying the ashtrays is now in the street-cleaning rounds"));
    executeJobs(relay.getId());

    assertThat(relay).isEnded().hasPassed(END_ADOPTED);
    assertThat(relayRow(relay)).containsEntry("STATUS", "ADOPTED").containsEntry("CARRIER_USER_ID", "marc")
        .containsEntry("RELAY_PLAN", PLAN + " (roads)");
    assertThat(declines(relay)).isEmpty();
    // thanks to the initiators and their managers
    for (String address : new String[] {"alice@example.org", "bruno@example.org", "marc@example.org", "nadia@example.org"}) {
      assertThat(mailsTo(address)).extracting(IntegrationTest::subject).as(address)
          .contains("[Public Reflexes] \"" + title + "\" is now part of how we work");
    }
    Rest.Answer catalogue = rest("bruno").get("/api/practices");
    assertThat(catalogue.status()).isEqualTo(200);
    JsonNode practice = null;
    for (JsonNode p : catalogue.json()) {
      if (p.path("title").asText().equals(title)) {
        practice = p;
      }
    }
    assertThat(practice).isNotNull();
    assertThat(practice.path("departmentName").asText()).isEqualTo("Roads");
    assertThat(practice.path("summary").asText()).contains("street-cleaning rounds");
    assertThat(rest(null, null).get("/api/practices").status()).isEqualTo(401);
    // the deadline's moment and the recipients are worked out when used, not stored
    assertNeverStored(relay.getId(), RELAY_DEADLINE_AT, THANKS_RECIPIENTS);
  }

  @Test
  void threeDeclinesGoToTheDirectorsWhoDesignateADepartment() {
    ProcessInstance relay = launch("Shared bikes for home visits");
    identify(relay, "roads", "marc");
    decline(relay, "marc");
    identify(relay, "early-childhood", "nadia");
    decline(relay, "nadia");
    identify(relay, "social-action", "olga");
    decline(relay, "olga");

    assertThat(relay).isWaitingAt(TASK_ARBITRATE_RELAY);
    assertThat(relayRow(relay)).containsEntry("DECLINES", 3);
    assertThat(declines(relay)).containsExactly(List.of("roads", "marc", reasonOf("marc")),
        List.of("early-childhood", "nadia", reasonOf("nadia")), List.of("social-action", "olga", reasonOf("olga")));
    completeAs("diane", task(relay.getId(), TASK_ARBITRATE_RELAY), Map.of(ARBITRATION, "DESIGNATE",
        CARRIER_DEPARTMENT, "social-action", CARRIER_USER_ID, "olga"));

    assertThat(relay).isWaitingAt(TASK_CONFIRM_ADOPTION);
    assertThat(task(relay.getId(), TASK_CONFIRM_ADOPTION).getAssignee()).isEqualTo("olga");
    // no new deadline given: the last one still runs
    assertThat(runtimeService.getVariable(relay.getId(), RELAY_DEADLINE))
        .isEqualTo(LocalDate.now().plusMonths(4).toString());
    completeAs("olga", task(relay.getId(), TASK_CONFIRM_ADOPTION), Map.of(ADOPTION_SUMMARY,
        "Two bikes bought on the social action budget for home visits"));
    executeJobs(relay.getId());
    assertThat(relay).isEnded().hasPassed(END_ADOPTED);
    // the directors' designation keeps the plan of the last identification
    assertThat(relayRow(relay)).containsEntry("CARRIER_USER_ID", "olga")
        .containsEntry("RELAY_PLAN", PLAN + " (social-action)");
    assertNeverStored(relay.getId(), OWNERSHIP, ARBITRATION, DECLINE_REASON);
  }

  @Test
  void theDirectorsMayCloseARelayAsNotAdopted() {
    ProcessInstance relay = launch("Night bus for shift workers");
    for (String[] carrier : new String[][] {{"roads", "marc"}, {"early-childhood", "nadia"}, {"roads", "alice"}}) {
      identify(relay, carrier[0], carrier[1]);
      decline(relay, carrier[1]);
    }

    completeAs("diane", task(relay.getId(), TASK_ARBITRATE_RELAY), Map.of(ARBITRATION, "CLOSE"));

    assertThat(relay).isEnded().hasPassed(END_NOT_ADOPTED);
    assertThat(relayRow(relay)).containsEntry("STATUS", "NOT_ADOPTED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(relay.getId())
        .variableName(ADOPTED).singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void theRelayDeadlineEscalatesToTheDirectors() {
    ProcessInstance relay = launch("Repair café in libraries");
    identify(relay, "roads", "marc");
    completeAs("marc", task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "ACCEPT"));
    assertThat(deadlineTimerDue(relay)).as("the deadline's day, at the end of the working day")
        .isEqualTo(endOfWorkingDay(LocalDate.now().plusMonths(4)));

    fireTimer(relay.getId(), TIMER_RELAY_DEADLINE);

    assertThat(relay).isWaitingAt(TASK_ARBITRATE_RELAY);
    assertThat(taskService.createTaskQuery().processInstanceId(relay.getId()).taskDefinitionKey(TASK_CONFIRM_ADOPTION)
        .count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(task(relay.getId(), TASK_ARBITRATE_RELAY).getId())
        .taskCandidateGroup("directors").count()).isEqualTo(1);

    // a designation with a new deadline starts the co-piloting again
    String newDeadline = LocalDate.now().plusMonths(2).toString();
    completeAs("diane", task(relay.getId(), TASK_ARBITRATE_RELAY), Map.of(ARBITRATION, "DESIGNATE",
        CARRIER_DEPARTMENT, "roads", CARRIER_USER_ID, "marc", RELAY_DEADLINE, newDeadline));
    assertThat(relay).isWaitingAt(TASK_CONFIRM_ADOPTION);
    assertThat(relayRow(relay).get("RELAY_DEADLINE").toString()).isEqualTo(newDeadline);
    assertThat(deadlineTimerDue(relay)).isEqualTo(endOfWorkingDay(LocalDate.parse(newDeadline)));
  }

  private Date deadlineTimerDue(ProcessInstance relay) {
    return timerDue(relay.getId(), TIMER_RELAY_DEADLINE);
  }

  private Date endOfWorkingDay(LocalDate day) {
    return Date.from(day.atTime(18, 0).atZone(zone).toInstant());
  }

  @Test
  void aRelayOfAnEarlierDeploymentStillGetsItsDeadlineTimerAndItsThanksMail() throws Exception {
    // the relay as deployed before: its timer and its mail read two variables its listeners set
    String bpmn = Files.readString(Path.of("processes", KEY + ".bpmn"))
        .replace("${relayRecorder.carrierRecorded(task)}", "${relayRecorder.carrierIdentified(task)}")
        .replace("${relayRecorder.arbitrationRecorded(task)}", "${relayRecorder.arbitrated(task)}")
        .replace("${relayRecorder.adoptionRecorded(task)}", "${relayRecorder.adoptionConfirmed(task)}")
        .replace("${relayRecorder.deadlineAt(execution)}", "${relayDeadlineAt}")
        .replace("${relayRecorder.thanksRecipients(execution)}", "${thanksRecipients}");
    assertThat(bpmn).contains("${relayDeadlineAt}", "${thanksRecipients}", "carrierIdentified", "adoptionConfirmed");
    var earlier = repositoryService.createDeployment().name("relay with its deadline and recipients as variables")
        .addString(KEY + ".bpmn", bpmn);
    try (var forms = Files.newDirectoryStream(Path.of("forms"), "relay-*.form")) {
      for (Path form : forms) {
        earlier.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    String deploymentId = earlier.deploy().getId();
    try {
      String title = "Tool library " + System.nanoTime();
      ProcessInstance relay = launch(title);
      assertThat(repositoryService.getProcessDefinition(relay.getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deploymentId);
      identify(relay, "roads", "marc");
      completeAs("marc", task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "ACCEPT"));
      assertThat(deadlineTimerDue(relay)).isEqualTo(endOfWorkingDay(LocalDate.now().plusMonths(4)));

      completeAs("marc", task(relay.getId(), TASK_CONFIRM_ADOPTION), Map.of(ADOPTION_SUMMARY,
          "Tools lent from the depot by the roads service"));
      executeJobs(relay.getId());

      assertThat(relay).isEnded().hasPassed(END_ADOPTED);
      for (String address : new String[] {"alice@example.org", "bruno@example.org", "marc@example.org", "nadia@example.org"}) {
        assertThat(mailsTo(address)).extracting(IntegrationTest::subject).as(address)
            .contains("[Public Reflexes] \"" + title + "\" is now part of how we work");
      }
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void checkpointsComeBackEveryIntervalUntilAdoption() {
    ProcessInstance relay = launch("Solidarity grocery lockers");
    identify(relay, "social-action", "olga");
    Instant accepted = Instant.now();
    completeAs("olga", task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "ACCEPT"));

    // every reflexes.relay.checkpoint-interval (P14D here), read from the configuration, not copied into the relay
    Date due = timerDue(relay.getId(), START_CHECKPOINT_DUE);
    assertThat(due).isBetween(Date.from(accepted.plus(14, ChronoUnit.DAYS).minusSeconds(5)),
        Date.from(Instant.now().plus(14, ChronoUnit.DAYS).plusSeconds(5)));
    assertNeverStored(relay.getId(), "checkpointInterval", "maxDeclines");
    fireTimer(relay.getId(), START_CHECKPOINT_DUE);
    completeAs("ines", task(relay.getId(), TASK_RELAY_CHECKPOINT), Map.of(DEPARTMENT_INVOLVEMENT, 40,
        INITIATORS_INVOLVED, true, NOTES, "Lockers ordered"));
    fireTimer(relay.getId(), START_CHECKPOINT_DUE);
    // the second checkpoint opens without the first one's notes
    assertThat(taskService.getVariables(task(relay.getId(), TASK_RELAY_CHECKPOINT).getId())).doesNotContainKey(NOTES);

    assertThat(managementService.createJobQuery().processInstanceId(relay.getId()).activityId(START_CHECKPOINT_DUE)
        .count()).as("the cycle goes on").isEqualTo(1);
    assertThat(task(relay.getId(), TASK_RELAY_CHECKPOINT)).isNotNull(); // second checkpoint open
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM relay_checkpoint WHERE relay_id = ?", Integer.class,
        runtimeService.getVariable(relay.getId(), RELAY_ID))).isEqualTo(1);

    completeAs("olga", task(relay.getId(), TASK_CONFIRM_ADOPTION), Map.of(ADOPTION_SUMMARY,
        "Lockers run by the social action service with the food bank"));

    // adoption closed the co-piloting, the open checkpoint with it
    assertThat(taskService.createTaskQuery().processInstanceId(relay.getId()).taskDefinitionKey(TASK_RELAY_CHECKPOINT)
        .count()).isZero();
    executeJobs(relay.getId());
    assertThat(relay).isEnded();
    assertThat(jdbc.queryForMap("SELECT department_involvement, initiators_involved, notes FROM relay_checkpoint"
        + " WHERE relay_id = (SELECT id FROM relay WHERE process_instance_id = ?)", relay.getId()))
        .containsEntry("DEPARTMENT_INVOLVEMENT", 40).containsEntry("INITIATORS_INVOLVED", true)
        .containsEntry("NOTES", "Lockers ordered");
    assertNeverStored(relay.getId(), OWNERSHIP, DEPARTMENT_INVOLVEMENT, INITIATORS_INVOLVED, NOTES);
  }

  @Test
  void aRelayStartedBeforeTheReasonsAndNotesWereTransientRecordsThemAsWell() throws Exception {
    // the relay as deployed before: the same diagram, forms whose fields are all stored
    ObjectMapper json = new ObjectMapper();
    var earlier = repositoryService.createDeployment().name("relay with stored reasons and notes")
        .addString(KEY + ".bpmn", Files.readString(Path.of("processes", KEY + ".bpmn")));
    try (var forms = Files.newDirectoryStream(Path.of("forms"), "relay-*.form")) {
      for (Path form : forms) {
        JsonNode components = json.readTree(Files.readString(form));
        components.path("components").forEach(c -> ((ObjectNode) c).remove("properties"));
        earlier.addString(form.getFileName().toString(), json.writeValueAsString(components));
      }
    }
    String deploymentId = earlier.deploy().getId();
    try {
      ProcessInstance relay = launch("Seed library in schools");
      assertThat(repositoryService.getProcessDefinition(relay.getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deploymentId);
      identify(relay, "roads", "marc");
      decline(relay, "marc");
      assertThat(runtimeService.getVariable(relay.getId(), DECLINE_REASON)).as("stored, as before")
          .isEqualTo(reasonOf("marc"));
      identify(relay, "social-action", "olga");
      completeAs("olga", task(relay.getId(), TASK_ACCEPT_OWNERSHIP), Map.of(OWNERSHIP, "ACCEPT"));
      fireTimer(relay.getId(), START_CHECKPOINT_DUE);
      completeAs("ines", task(relay.getId(), TASK_RELAY_CHECKPOINT), Map.of(DEPARTMENT_INVOLVEMENT, 70,
          INITIATORS_INVOLVED, false, NOTES, "Seed boxes in three schools"));
      assertThat(runtimeService.getVariable(relay.getId(), NOTES)).as("stored, as before")
          .isEqualTo("Seed boxes in three schools");

      assertThat(declines(relay)).containsExactly(List.of("roads", "marc", reasonOf("marc")));
      assertThat(jdbc.queryForObject("SELECT notes FROM relay_checkpoint WHERE relay_id = ?", String.class,
          runtimeService.getVariable(relay.getId(), RELAY_ID))).isEqualTo("Seed boxes in three schools");
      assertThat(relayRow(relay)).containsEntry("RELAY_PLAN", PLAN + " (social-action)");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void carriersMustExistInTheNamedDepartment() {
    ProcessInstance relay = launch("Library tool lending");
    var identifyTask = task(relay.getId(), TASK_IDENTIFY_FINAL_CARRIER);
    Map<String, Object> values = new HashMap<>(Map.of(CARRIER_DEPARTMENT, "roads", CARRIER_USER_ID, "nadia",
        RELAY_PLAN, "Two pilot streets, then the whole centre by June",
        RELAY_DEADLINE, LocalDate.now().plusMonths(4).toString()));

    assertThatThrownBy(() -> completeAs("ines", identifyTask, values)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("carrierUserId: 'nadia' does not work in the department 'roads'");
    values.put(CARRIER_DEPARTMENT, "space-agency");
    assertThatThrownBy(() -> completeAs("ines", identifyTask, values)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("carrierDepartment: 'space-agency' is not a department");
    values.put(CARRIER_DEPARTMENT, "roads");
    values.put(CARRIER_USER_ID, "marc");
    values.put(RELAY_DEADLINE, LocalDate.now().minusDays(1).toString());
    assertThatThrownBy(() -> completeAs("ines", identifyTask, values)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("relayDeadline: must not be in the past");
    assertThat(relay).isWaitingAt(TASK_IDENTIFY_FINAL_CARRIER);
  }

  @Test
  void aCarrierIsFoundInTheDirectoryWhetherOrNotTheUserMayListIt() {
    ProcessInstance relay = launch("Tool library for the districts");
    var identifyTask = task(relay.getId(), TASK_IDENTIFY_FINAL_CARRIER);
    // a member of the innovation unit outside the agents' group, who may not read the users
    identityService.setAuthentication("ines", List.of(Groups.INNOVATION_UNIT));
    try {
      assertThat(identityService.createUserQuery().userId("marc").count()).as("hidden from her").isZero();
      taskService.complete(identifyTask.getId(), new HashMap<>(Map.of(CARRIER_DEPARTMENT, "roads",
          CARRIER_USER_ID, "marc", RELAY_PLAN, PLAN, RELAY_DEADLINE, LocalDate.now().plusMonths(4).toString())));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(relay).isWaitingAt(TASK_ACCEPT_OWNERSHIP);
    assertThat(task(relay.getId(), TASK_ACCEPT_OWNERSHIP).getAssignee()).isEqualTo("marc");
  }

  @Test
  void onlyTheInnovationUnitLaunchesRelaysAndInitiatorsMustExist() {
    String start = "/engine-rest/process-definition/key/" + KEY + "/start";
    Map<String, Object> variables = Map.of(TITLE, Map.of("value", "Community compost"),
        DESCRIPTION, Map.of("value", "Compost bins managed with the neighbours of each district"),
        INITIATORS, Map.of("value", "alice, ghost"));

    Rest.Answer byAgent = rest("alice").post(start, Map.of("variables", variables));
    Rest.Answer unknownInitiator = rest("ines").post(start, Map.of("variables", variables));

    assertThat(byAgent.status()).isIn(403, 404);
    assertThat(unknownInitiator.status()).isEqualTo(400);
    assertThat(unknownInitiator.message()).contains("initiators: 'ghost' is not a user");
  }
}
