package fr.reflexespublics.initiative;

import static fr.reflexespublics.initiative.InitiativeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.reflexespublics.relay.RelayProcess;
import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.ProcessCoverage;
import fr.reflexespublics.support.Rest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every path of the initiative without prior permission, driven as its users would: alice
 * declares, marc (her manager) reviews, ines (innovation unit) consults and assesses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitiativeProcessTest extends IntegrationTest {

  /** Each test plans its initiatives in a year of its own, so quotas never leak between tests or runs. */
  private static final AtomicInteger YEARS = new AtomicInteger((int) (System.nanoTime() % 500));
  private final Date classStart = new Date();

  private LocalDate plannedStart() {
    return LocalDate.of(2100 + YEARS.incrementAndGet() % 800, 3, 2);
  }

  private Map<String, Object> declaration(LocalDate start, int days) {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE, "Shared toolbox for road crews");
    v.put(PUBLIC_INTEREST, "Fewer trips to the depot, faster repairs of potholes for residents");
    v.put(DESCRIPTION, "A toolbox left at each district office, refilled weekly.");
    v.put(REQUESTED_DAYS, days);
    v.put(PLANNED_START, start.toString());
    return v;
  }

  private ProcessInstance declare(int days) {
    return startAs("alice", KEY, declaration(plannedStart(), days));
  }

  private Map<String, Object> initiativeRow(ProcessInstance instance) {
    return jdbc.queryForMap("SELECT * FROM initiative WHERE process_instance_id = ?", instance.getId());
  }

  private void noOpposition(ProcessInstance instance) {
    completeAs("marc", task(instance.getId(), TASK_REVIEW_NON_OPPOSITION), Map.of(DECISION, "NO_OPPOSITION"));
  }

  private static final String CONSTRAINTS_TEXT = "Storage room needed in each office";
  private static final String NOTES_TEXT = "Alice met the lab on Tuesday; coaching twice a month";
  private static final String OUTCOME_TEXT = "Toolboxes used daily by two crews";
  private static final String EVIDENCE_TEXT = "Crew logbook";

  private void consult(ProcessInstance instance) {
    completeAs("ines", task(instance.getId(), TASK_INNOVATION_UNIT_CONSULTATION),
        Map.of(SUPPORT, "COACHING", CONSTRAINTS, CONSTRAINTS_TEXT, NOTES, NOTES_TEXT));
  }

  private void report(ProcessInstance instance, int daysUsed) {
    completeAs("alice", task(instance.getId(), TASK_REPORT_ON_INITIATIVE), Map.of(DAYS_USED, daysUsed,
        OUTCOME, OUTCOME_TEXT, EVIDENCE, EVIDENCE_TEXT, WANTS_HANDOVER, true));
  }

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
  }

  @Test
  void explicitNoOppositionThenClose() {
    ProcessInstance instance = declare(3);

    assertThat(instance).isWaitingAt(TASK_REVIEW_NON_OPPOSITION, TASK_INNOVATION_UNIT_CONSULTATION);
    assertThat(task(instance.getId(), TASK_REVIEW_NON_OPPOSITION).getAssignee()).isEqualTo("marc");
    assertThat(runtimeService.getVariable(instance.getId(), INITIATOR)).isEqualTo("alice");
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "DECLARED").containsEntry("SERVICE_ID", "roads");

    noOpposition(instance);
    consult(instance);
    executeJobs(instance.getId());

    assertThat(instance).isWaitingAt(TASK_REPORT_ON_INITIATIVE);
    Task reportTask = task(instance.getId(), TASK_REPORT_ON_INITIATIVE);
    assertThat(reportTask.getAssignee()).isEqualTo("alice");
    assertThat(reportTask.getDueDate()).isNotNull();
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "IN_PROGRESS").containsEntry("NON_OPPOSITION", "EXPLICIT")
        .containsEntry("SUPPORT", "COACHING").containsEntry("OPPOSITION_REASON", null)
        .containsEntry("CONSULTATION_CONSTRAINTS", CONSTRAINTS_TEXT).containsEntry("CONSULTATION_NOTES", NOTES_TEXT);
    List<MimeMessage> toAlice = mailsTo("alice@example.org");
    assertThat(toAlice).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] You may go ahead with \"Shared toolbox for road crews\"");
    assertThat(toAlice.stream().filter(m -> subject(m).contains("go ahead")).findFirst().map(IntegrationTest::body).orElseThrow())
        .contains("your manager did not oppose it").contains("3 day(s)");
    assertThat(mailsTo("marc@example.org")).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] Initiative \"Shared toolbox for road crews\" goes ahead");
    assertThat(mailsTo("ines@example.org")).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] Initiative \"Shared toolbox for road crews\" goes ahead");

    report(instance, 2);
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "REPORTED").containsEntry("DAYS_USED", 2)
        .containsEntry("OUTCOME", OUTCOME_TEXT).containsEntry("EVIDENCE", EVIDENCE_TEXT)
        .containsEntry("WANTS_HANDOVER", true);
    // the assessment form shows the report: its fields stay variables
    assertThat(runtimeService.getVariables(instance.getId(), List.of(OUTCOME, EVIDENCE, DAYS_USED, WANTS_HANDOVER)))
        .containsEntry(OUTCOME, OUTCOME_TEXT).containsEntry(EVIDENCE, EVIDENCE_TEXT).containsEntry(DAYS_USED, 2)
        .containsEntry(WANTS_HANDOVER, true);
    String lessons = "Useful but each office needs its own storage first";
    completeAs("ines", task(instance.getId(), TASK_ASSESS_INITIATIVE),
        Map.of(ASSESSMENT, "CLOSE", LESSONS_LEARNED, lessons));

    assertThat(instance).isEnded().hasPassed(END_CLOSED);
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "CLOSED").containsEntry("DAYS_USED", 2)
        .containsEntry("LESSONS_LEARNED", lessons).containsEntry("CONSULTATION_CONSTRAINTS", CONSTRAINTS_TEXT)
        .containsEntry("CONSULTATION_NOTES", NOTES_TEXT).containsEntry("EVIDENCE", EVIDENCE_TEXT);
    // recorded in the initiative's row only: neither the engine nor its history ever held them
    assertNeverStored(instance.getId(), CONSTRAINTS, NOTES, LESSONS_LEARNED, DECISION, ASSESSMENT);
  }

  @Test
  void silenceIsConsent() {
    java.time.Instant declared = java.time.Instant.now();
    ProcessInstance instance = declare(2);
    // reflexes.initiative.non-opposition-period (P5D), read from the configuration, not copied
    assertDueAfter(instance.getId(), TIMER_NON_OPPOSITION_PERIOD, declared, java.time.Duration.ofDays(5));
    assertNeverStored(instance.getId(), "nonOppositionPeriod");
    // constraints and notes are optional: left out, the record holds none
    completeAs("ines", task(instance.getId(), TASK_INNOVATION_UNIT_CONSULTATION), Map.of(SUPPORT, "NONE"));

    fireTimer(instance.getId(), TIMER_NON_OPPOSITION_PERIOD);
    executeJobs(instance.getId());

    assertThat(instance).hasPassed(TIMER_NON_OPPOSITION_PERIOD).isWaitingAt(TASK_REPORT_ON_INITIATIVE);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_REVIEW_NON_OPPOSITION).count()).isZero();
    assertThat(initiativeRow(instance)).containsEntry("NON_OPPOSITION", "TACIT").containsEntry("STATUS", "IN_PROGRESS")
        .containsEntry("SUPPORT", "NONE").containsEntry("CONSULTATION_CONSTRAINTS", null)
        .containsEntry("CONSULTATION_NOTES", null).containsEntry("OPPOSITION_REASON", null);
    assertNeverStored(instance.getId(), CONSTRAINTS, NOTES);
    assertThat(mailsTo("alice@example.org")).extracting(IntegrationTest::body)
        .anySatisfy(b -> assertThat(b).contains("no opposition within the period"));
  }

  @Test
  void oppositionEndsTheInitiativeAndFreesTheDays() {
    LocalDate start = plannedStart();
    ProcessInstance instance = startAs("alice", KEY, declaration(start, 6));
    int remainingWhileDeclared = remaining("alice", start.getYear());

    String reason = "The depot is being rebuilt, toolboxes would be lost in the works";
    completeAs("marc", task(instance.getId(), TASK_REVIEW_NON_OPPOSITION), Map.of(DECISION, "OPPOSITION",
        OPPOSITION_REASON, reason));
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_OPPOSED);
    // the terminate end event withdrew the innovation unit's consultation
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "OPPOSED").containsEntry("NON_OPPOSITION", "OPPOSED")
        .containsEntry("OPPOSITION_REASON", reason);
    MimeMessage mail = mailsTo("alice@example.org").stream()
        .filter(m -> subject(m).contains("is opposed")).findFirst().orElseThrow();
    assertThat(body(mail)).contains("The depot is being rebuilt");
    assertThat(remainingWhileDeclared).isEqualTo(4);
    assertThat(remaining("alice", start.getYear())).isEqualTo(10);
  }

  private int remaining(String user, int year) {
    return jdbc.queryForObject("""
        SELECT 10 - COALESCE(SUM(CASE WHEN status = 'OPPOSED' THEN 0
                                      WHEN status IN ('DECLARED', 'IN_PROGRESS') THEN requested_days + extra_days
                                      ELSE COALESCE(days_used, requested_days + extra_days) END), 0)
          FROM initiative WHERE initiator = ? AND quota_year = ?""", Integer.class, user, year);
  }

  @Test
  void extendOnceThenRelayUntilAdoption() {
    ProcessInstance instance = declare(2);
    noOpposition(instance);
    consult(instance);
    executeJobs(instance.getId());
    Date firstDue = task(instance.getId(), TASK_REPORT_ON_INITIATIVE).getDueDate();
    report(instance, 2);

    completeAs("ines", task(instance.getId(), TASK_ASSESS_INITIATIVE), Map.of(ASSESSMENT, "EXTEND", EXTRA_DAYS, 3));

    Task secondReport = task(instance.getId(), TASK_REPORT_ON_INITIATIVE);
    assertThat(secondReport.getDueDate()).isAfter(firstDue);
    assertThat(initiativeRow(instance)).containsEntry("EXTRA_DAYS", 3).containsEntry("STATUS", "IN_PROGRESS");
    // the second report replaces the first in the record; what it leaves out stands from the first one
    // (still variables, which the form shows again)
    completeAs("alice", secondReport, Map.of(DAYS_USED, 5, OUTCOME, "Toolboxes in every district office"));
    assertThat(initiativeRow(instance)).containsEntry("DAYS_USED", 5)
        .containsEntry("OUTCOME", "Toolboxes in every district office").containsEntry("EVIDENCE", EVIDENCE_TEXT)
        .containsEntry("WANTS_HANDOVER", true);

    Task assess = task(instance.getId(), TASK_ASSESS_INITIATIVE);
    assertThatThrownBy(() -> completeAs("ines", assess, Map.of(ASSESSMENT, "EXTEND", EXTRA_DAYS, 1)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("extended once only");
    completeAs("ines", assess, Map.of(ASSESSMENT, "RELAY"));

    assertThat(instance).isWaitingAt(CALL_RELAY_PORTING);
    String relay = calledInstance(instance.getId());
    assertThat(runtimeService.getVariable(relay, RelayProcess.INITIATORS)).isEqualTo("alice");
    assertThat(runtimeService.getVariable(relay, RelayProcess.INITIATIVE_ID))
        .isEqualTo(runtimeService.getVariable(instance.getId(), INITIATIVE_ID));
    completeAs("ines", task(relay, RelayProcess.TASK_IDENTIFY_FINAL_CARRIER), Map.of(
        RelayProcess.CARRIER_DEPARTMENT, "roads", RelayProcess.CARRIER_USER_ID, "marc",
        RelayProcess.RELAY_PLAN, "Pilot in two districts, then all of them by spring",
        RelayProcess.RELAY_DEADLINE, LocalDate.now().plusMonths(3).toString()));
    completeAs("marc", task(relay, RelayProcess.TASK_ACCEPT_OWNERSHIP), Map.of(RelayProcess.OWNERSHIP, "ACCEPT"));
    completeAs("marc", task(relay, RelayProcess.TASK_CONFIRM_ADOPTION), Map.of(RelayProcess.ADOPTION_SUMMARY,
        "Toolboxes are now in the Roads procedure, with a budget line for refills"));
    executeJobs(relay);

    assertThat(instance).isEnded().hasPassed(END_RELAYED);
    assertThat(initiativeRow(instance)).containsEntry("STATUS", "ADOPTED").containsEntry("LESSONS_LEARNED", null);
    // the answers that only steer the flow: recorded in the initiative's row, not kept by the engine
    assertNeverStored(instance.getId(), DECISION, ASSESSMENT, EXTRA_DAYS, CONSTRAINTS, NOTES, LESSONS_LEARNED);
    assertNeverStored(relay, RelayProcess.OWNERSHIP);
  }

  @Test
  void theReportReminderIsMailedBeforeTheDueDate() {
    ProcessInstance instance = declare(1);
    noOpposition(instance);
    consult(instance);
    executeJobs(instance.getId());

    fireTimer(instance.getId(), TIMER_REPORT_REMINDER);
    executeJobs(instance.getId());

    assertThat(instance).hasPassed(TASK_SEND_REPORT_REMINDER).isWaitingAt(TASK_REPORT_ON_INITIATIVE);
    assertThat(mailsTo("alice@example.org")).extracting(IntegrationTest::subject)
        .contains("[Public Reflexes] Your report on \"Shared toolbox for road crews\" is due soon");
  }

  @Test
  void aRequestAboveTheRemainingQuotaIsRefusedWithTheRemainingDays() {
    LocalDate start = plannedStart();
    startAs("alice", KEY, declaration(start, 8));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();

    assertThatThrownBy(() -> startAs("alice", KEY, declaration(start, 3)))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("requestedDays: you have 2 initiative day(s) left for " + start.getYear());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    // another agent's quota is their own
    assertThat(startAs("bruno", KEY, declaration(start, 3))).isNotNull();
  }

  @Test
  void badInputThroughRestIsRefusedAndNothingIsStored() {
    String start = "/engine-rest/process-definition/key/" + KEY + "/start";
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    Map<String, Object> valid = restVariables(declaration(plannedStart(), 2));

    Map<String, Object> past = new HashMap<>(valid);
    past.put(PLANNED_START, Map.of("value", LocalDate.now().minusDays(1).toString()));
    Map<String, Object> negative = new HashMap<>(valid);
    negative.put(REQUESTED_DAYS, Map.of("value", -2));
    Map<String, Object> unknown = new HashMap<>(valid);
    unknown.put("budget", Map.of("value", 1000));
    Map<String, Object> initiator = new HashMap<>(valid);
    initiator.put(INITIATOR, Map.of("value", "marc"));

    assertRefused(rest("alice").post(start, Map.of("variables", past)), "plannedStart: must not be in the past");
    assertRefused(rest("alice").post(start, Map.of("variables", negative)), "requestedDays: must be at least 1");
    assertRefused(rest("alice").post(start, Map.of("variables", unknown)), "budget: unknown field");
    assertRefused(rest("alice").post(start, Map.of("variables", initiator)), "initiator: unknown field");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    assertThat(rest("alice").post(start, Map.of("variables", valid)).status()).isEqualTo(200);
  }

  @Test
  void objectsInATransientFieldAreRefusedLikeInAnyOther() {
    ProcessInstance instance = declare(1);
    Task review = task(instance.getId(), TASK_REVIEW_NON_OPPOSITION);
    Map<String, Object> serialized = Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));
    Map<String, Object> notAllowed = Map.of("value", "{\"command\":[\"touch\",\"/tmp/x\"]}", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.ProcessBuilder", "serializationDataFormat", "application/json"));
    for (Map<String, Object> value : List.of(serialized, notAllowed)) {
      for (String endpoint : List.of("complete", "submit-form")) {
        Rest.Answer answer = rest("marc").post("/engine-rest/task/" + review.getId() + "/" + endpoint,
            Map.of("variables", Map.of(DECISION, value)));
        assertThat(answer.status()).as(endpoint + " " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("at org.");
      }
    }
    assertThat(instance).isWaitingAt(TASK_REVIEW_NON_OPPOSITION);
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(DECISION);
  }

  @Test
  void anOppositionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = declare(1);
    Task review = task(instance.getId(), TASK_REVIEW_NON_OPPOSITION);

    Rest.Answer noReason = rest("marc").post("/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of(DECISION, Map.of("value", "OPPOSITION"))));
    Rest.Answer shortReason = rest("marc").post("/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of(DECISION, Map.of("value", "OPPOSITION"), OPPOSITION_REASON, Map.of("value", "No."))));
    Rest.Answer notHisTask = rest("nadia").post("/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of(DECISION, Map.of("value", "NO_OPPOSITION"))));

    assertRefused(noReason, "oppositionReason: is required");
    assertRefused(shortReason, "oppositionReason: must have at least 20 characters");
    assertThat(notHisTask.status()).isIn(403, 404);
    assertThat(instance).isWaitingAt(TASK_REVIEW_NON_OPPOSITION);
    assertThat(runtimeService.getVariable(instance.getId(), DECISION)).isNull();
  }

  @Test
  void reportedDaysCannotExceedTheGrantedDays() {
    ProcessInstance instance = declare(2);
    noOpposition(instance);
    consult(instance);
    executeJobs(instance.getId());

    assertThatThrownBy(() -> report(instance, 4)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("daysUsed: at most the 2 day(s) granted");
    assertThat(instance).isWaitingAt(TASK_REPORT_ON_INITIATIVE);
  }

  private static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  private static void assertRefused(Rest.Answer answer, String fragment) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains(fragment);
  }
}
