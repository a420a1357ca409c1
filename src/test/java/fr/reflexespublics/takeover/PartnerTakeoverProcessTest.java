package fr.reflexespublics.takeover;

import static fr.reflexespublics.takeover.TakeoverProcess.*;
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
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every path of the partner takeover plan: paula (partnerships) reports and runs the plan, diane
 * (directors) decides; alice and bruno are the agents provided (managers marc and nadia).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerTakeoverProcessTest extends IntegrationTest {

  private final Date classStart = new Date();

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
  }

  private static Map<String, Object> failure(boolean consents, String cause, String urgency) {
    Map<String, Object> v = new HashMap<>();
    v.put(PARTNER_NAME, "Les Restos du Quartier");
    v.put(PARTNER_EMAIL, "contact@restos-quartier.example.org");
    v.put(ACTION_NAME, "Food parcels, Saturday distribution");
    v.put(ACTION_CATEGORY, "FOOD_AID");
    v.put(BENEFICIARIES_COUNT, 120);
    v.put(FAILURE_CAUSE, cause);
    v.put(PARTNER_CONSENTS, consents);
    v.put(URGENCY, urgency);
    return v;
  }

  private ProcessInstance report(boolean consents, String cause, String urgency) {
    return startAs("paula", KEY, failure(consents, cause, urgency));
  }

  /** The plan id: the business key, also once the instance has ended. */
  private String planId(ProcessInstance instance) {
    return processInstanceBusinessKey(instance);
  }

  private Map<String, Object> planRow(String planId) {
    return jdbc.queryForMap("SELECT * FROM takeover_plan WHERE id = ?", planId);
  }

  private void approve(ProcessInstance instance, int days) {
    completeAs("diane", task(instance.getId(), TASK_DECIDE_TAKEOVER), Map.of(DIRECTOR_DECISION, "APPROVE",
        DURATION_DAYS, days));
  }

  private void prepare(ProcessInstance instance) {
    completeAs("paula", task(instance.getId(), TASK_PREPARE_TAKEOVER_PLAN), Map.of(ASSIGNED_AGENTS, "alice, bruno",
        START_DATE, today().plusDays(1).toString(), RESOURCES, "Central kitchen fridges, one van",
        PREMISES, "Former tax office, ground floor", HAND_BACK_CRITERIA, "Twelve volunteers back and the hall reopened"));
    executeJobs(instance.getId());
  }

  /** Up to the operation: triggered (volunteer shortage, urgent), approved for 30 days, plan sent. */
  private ProcessInstance inOperation() {
    ProcessInstance instance = report(true, "VOLUNTEER_SHORTAGE", "HIGH");
    approve(instance, 30);
    prepare(instance);
    assertThat(instance).isWaitingAt(EVENT_PARTNER_READY);
    return instance;
  }

  private void handBack(ProcessInstance instance) {
    completeAs("paula", task(instance.getId(), TASK_HAND_BACK_MEETING), Map.of(CHECKLIST_COMPLETE, true,
        NOTES, "Keys returned, stock counted with the partner"));
    executeJobs(instance.getId());
  }

  @Test
  void withoutConsentNothingIsTriggeredAndThePartnershipManagerKnowsWhy() {
    ProcessInstance instance = report(false, "VOLUNTEER_SHORTAGE", "HIGH");
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_NOT_TRIGGERED);
    assertThat(processInstanceBusinessKey(instance)).startsWith("TKO-");
    assertThat(planRow(processInstanceBusinessKey(instance))).containsEntry("STATUS", "NOT_TRIGGERED");
    assertThat(mailsTo("paula@example.org")).extracting(IntegrationTest::body)
        .anySatisfy(b -> assertThat(b).contains("No takeover without the partner's consent"));
  }

  private String processInstanceBusinessKey(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
  }

  @Test
  void theDirectorsMayReject() {
    ProcessInstance instance = report(true, "PREMISES_CLOSED", "NORMAL");
    String plan = planId(instance);
    assertThat(instance).isWaitingAt(TASK_DECIDE_TAKEOVER);
    assertThat(runtimeService.getVariable(instance.getId(), MAX_DURATION_DAYS)).isEqualTo(60);

    completeAs("diane", task(instance.getId(), TASK_DECIDE_TAKEOVER), Map.of(DIRECTOR_DECISION, "REJECT",
        REJECTION_REASON, "The partner found another hall for next week"));
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_REJECTED);
    assertThat(planRow(plan)).containsEntry("STATUS", "REJECTED")
        .containsEntry("OUTCOME_REASON", "The partner found another hall for next week");
    assertThat(mailsTo("paula@example.org")).extracting(IntegrationTest::subject)
        .anySatisfy(s -> assertThat(s).contains("rejected"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePartnerSaysItIsReadyThroughTheApiThenTheActionIsHandedBack() {
    ProcessInstance instance = inOperation();
    String plan = planId(instance);
    assertThat(processInstanceBusinessKey(instance)).isEqualTo(plan);

    // the plan went to the partner, the agents and their managers
    for (String address : new String[] {"contact@restos-quartier.example.org", "alice@example.org",
        "bruno@example.org", "marc@example.org", "nadia@example.org"}) {
      assertThat(mailsTo(address)).extracting(IntegrationTest::subject).as(address)
          .anySatisfy(s -> assertThat(s).contains("Temporary takeover of \"Food parcels, Saturday distribution\""));
    }
    Rest.Answer active = rest("hugo").get("/api/takeovers");
    assertThat(active.status()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode p : active.json()) {
      if (p.path("id").asText().equals(plan)) {
        listed = p;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("daysRemaining").asLong()).isEqualTo(31);
    assertThat(listed.path("agentsProvided").asInt()).isEqualTo(2);
    assertThat(rest("alice").get("/api/takeovers").status()).isEqualTo(403);

    Rest.Answer ready = rest("paula").post("/api/takeovers/" + plan + "/partner-ready", Map.of());

    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(instance).isWaitingAt(TASK_HAND_BACK_MEETING);
    handBack(instance);
    assertThat(instance).isEnded().hasPassed(END_HANDED_BACK);
    assertThat(planRow(plan)).containsEntry("STATUS", "HANDED_BACK")
        .containsEntry("HAND_BACK_CHECKLIST_COMPLETE", true)
        .containsEntry("HAND_BACK_NOTES", "Keys returned, stock counted with the partner");
    // the hand-back's answers: recorded with the plan, not kept by the engine
    assertNeverStored(instance.getId(), CHECKLIST_COMPLETE, NOTES);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM takeover_agent WHERE plan_id = ? AND returned_at IS NOT NULL",
        Integer.class, plan)).isEqualTo(2);
    assertThat(mailsTo("marc@example.org")).extracting(IntegrationTest::subject)
        .anySatisfy(s -> assertThat(s).contains("is handed back"));
    // a retex on the takeover, with the partnership manager and the agents provided
    ProcessInstance retex = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(fr.reflexespublics.retex.RetexProcess.KEY)
        .variableValueLike(fr.reflexespublics.retex.RetexProcess.RETEX_TITLE, "%" + plan + "%").singleResult();
    assertThat(retex).isNotNull();
    assertThat((java.util.List<Object>) runtimeService.getVariable(retex.getId(),
        fr.reflexespublics.retex.RetexProcess.PARTICIPANT_LIST)).containsExactly("paula", "alice", "bruno");
    assertNeverStored(retex.getId(), fr.reflexespublics.retex.RetexProcess.SCOPE,
        fr.reflexespublics.retex.RetexProcess.PARTICIPANTS);

    // a finished plan, an unknown one
    Rest.Answer again = rest("paula").post("/api/takeovers/" + plan + "/partner-ready", Map.of());
    Rest.Answer unknown = rest("paula").post("/api/takeovers/TKO-0000-NOPE/partner-ready", Map.of());
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.message()).contains("not in operation");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(rest("alice").post("/api/takeovers/" + plan + "/partner-ready", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void weeklyReviewsComeBackUntilOneSaysThePartnerCanResume() {
    java.time.Instant started = java.time.Instant.now();
    ProcessInstance instance = inOperation();
    String plan = planId(instance);
    // reflexes.takeover.review-interval (P7D), read from the configuration, not copied
    assertDueAfter(instance.getId(), START_REVIEW_DUE, started, java.time.Duration.ofDays(7));
    assertNeverStored(instance.getId(), "reviewInterval");

    fireTimer(instance.getId(), START_REVIEW_DUE);
    completeAs("paula", task(instance.getId(), TASK_WEEKLY_REVIEW), Map.of(BENEFICIARIES_SERVED, 101,
        INCIDENTS, "The van broke down on Tuesday: parcels carried by hand", PARTNER_CAN_RESUME, false));
    fireTimer(instance.getId(), START_REVIEW_DUE);
    completeAs("paula", task(instance.getId(), TASK_WEEKLY_REVIEW), Map.of(BENEFICIARIES_SERVED, 102));
    // the incidents and the checkbox left out: no incidents, unticked
    assertThat(instance).isWaitingAt(EVENT_PARTNER_READY);
    fireTimer(instance.getId(), START_REVIEW_DUE);
    completeAs("paula", task(instance.getId(), TASK_WEEKLY_REVIEW), Map.of(BENEFICIARIES_SERVED, 90,
        INCIDENTS, "None", PARTNER_CAN_RESUME, true));

    assertThat(instance).hasPassed(BOUNDARY_PARTNER_CAN_RESUME).isWaitingAt(TASK_HAND_BACK_MEETING);
    assertThat(jdbc.queryForObject("SELECT SUM(beneficiaries_served) FROM takeover_review WHERE plan_id = ?",
        Integer.class, plan)).isEqualTo(101 + 102 + 90);
    assertThat(jdbc.queryForList("SELECT partner_can_resume FROM takeover_review WHERE plan_id = ?"
        + " ORDER BY recorded_at, beneficiaries_served", Boolean.class, plan)).containsExactly(false, false, true);
    assertThat(jdbc.queryForList("SELECT incidents FROM takeover_review WHERE plan_id = ? ORDER BY beneficiaries_served",
        String.class, plan)).containsExactly("None", "The van broke down on Tuesday: parcels carried by hand", null);
    handBack(instance);
    assertThat(instance).isEnded();
    // the answers: recorded in the plan's rows, not kept by the engine
    assertNeverStored(instance.getId(), DIRECTOR_DECISION, BENEFICIARIES_SERVED, INCIDENTS, PARTNER_CAN_RESUME,
        CHECKLIST_COMPLETE, NOTES);
  }

  @Test
  void atTheTimeLimitTheDirectorsExtendOnceThenHandBack() {
    ProcessInstance instance = inOperation();
    String plan = planId(instance);
    String firstEnd = (String) runtimeService.getVariable(instance.getId(), PLAN_END_DATE);

    fireTimer(instance.getId(), TIMER_PLAN_END_DATE);
    assertThat(instance).isWaitingAt(TASK_TIME_LIMIT_REVIEW);
    var review = task(instance.getId(), TASK_TIME_LIMIT_REVIEW);
    assertThatThrownBy(() -> completeAs("diane", review, Map.of(TIME_LIMIT_DECISION, "EXTEND", EXTENSION_DAYS, 61)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("extensionDays: at most 60 more day(s)");
    completeAs("diane", review, Map.of(TIME_LIMIT_DECISION, "EXTEND", EXTENSION_DAYS, 20,
        REASON, "Volunteers are expected back after the school holidays"));

    assertThat(instance).isWaitingAt(EVENT_PARTNER_READY);
    assertThat(runtimeService.getVariable(instance.getId(), PLAN_END_DATE))
        .isEqualTo(java.time.LocalDate.parse(firstEnd).plusDays(20).toString());
    assertThat(planRow(plan)).containsEntry("DURATION_DAYS", 50).containsEntry("EXTENDED", true)
        .containsEntry("EXTENSION_REASON", "Volunteers are expected back after the school holidays");

    fireTimer(instance.getId(), TIMER_PLAN_END_DATE);
    var second = task(instance.getId(), TASK_TIME_LIMIT_REVIEW);
    assertThatThrownBy(() -> completeAs("diane", second, Map.of(TIME_LIMIT_DECISION, "EXTEND", EXTENSION_DAYS, 5)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("extended once only");
    completeAs("diane", second, Map.of(TIME_LIMIT_DECISION, "HAND_BACK"));
    handBack(instance);
    assertThat(instance).isEnded().hasPassed(END_HANDED_BACK);
    // the extension's reason is the extension's, not the reason of the hand-back decided later
    assertThat(planRow(plan)).containsEntry("EXTENSION_REASON", "Volunteers are expected back after the school holidays")
        .containsEntry("OUTCOME_REASON", null).containsEntry("NEW_PARTNER_NAME", null);
    assertNeverStored(instance.getId(), EXTENSION_DAYS);
  }

  @Test
  void atTheTimeLimitTheActionMayBeTransferred() {
    ProcessInstance instance = inOperation();
    fireTimer(instance.getId(), TIMER_PLAN_END_DATE);

    completeAs("diane", task(instance.getId(), TASK_TIME_LIMIT_REVIEW), Map.of(TIME_LIMIT_DECISION, "TRANSFER",
        NEW_PARTNER_NAME, "Secours du Centre", REASON, "The partner merged with a larger association"));
    // recorded with the directors' decision, before the mail and the end event
    assertThat(planRow(planId(instance))).containsEntry("NEW_PARTNER_NAME", "Secours du Centre")
        .containsEntry("OUTCOME_REASON", "The partner merged with a larger association");
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_TRANSFERRED);
    assertThat(planRow(planId(instance))).containsEntry("STATUS", "TRANSFERRED")
        .containsEntry("NEW_PARTNER_NAME", "Secours du Centre")
        .containsEntry("OUTCOME_REASON", "The partner merged with a larger association");
    assertThat(mailsTo("alice@example.org")).extracting(IntegrationTest::body)
        .anySatisfy(b -> assertThat(b).contains("transferred to Secours du Centre"));
  }

  @Test
  void atTheTimeLimitTheActionMayEndWithAReason() {
    ProcessInstance instance = inOperation();
    fireTimer(instance.getId(), TIMER_PLAN_END_DATE);
    var review = task(instance.getId(), TASK_TIME_LIMIT_REVIEW);

    assertThatThrownBy(() -> completeAs("diane", review, Map.of(TIME_LIMIT_DECISION, "END_ACTION")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("reason: ending the action needs a reason");
    completeAs("diane", review, Map.of(TIME_LIMIT_DECISION, "END_ACTION",
        REASON, "The city's food bank now serves the district every day"));
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_ACTION_ENDED);
    assertThat(planRow(planId(instance))).containsEntry("STATUS", "ACTION_ENDED")
        .containsEntry("OUTCOME_REASON", "The city's food bank now serves the district every day")
        .containsEntry("NEW_PARTNER_NAME", null);
  }

  @Test
  void liabilityFearGivesACoverageLetterKeptWithThePlan() {
    ProcessInstance instance = report(true, "LIABILITY_FEAR", "NORMAL");
    assertThat(TakeoverRecorder.modalitiesOf(runtimeService.getVariable(instance.getId(), SUPPORT_MODALITIES)))
        .containsExactly("LIABILITY_COVERAGE");
    approve(instance, 30);
    completeAs("paula", task(instance.getId(), TASK_PREPARE_TAKEOVER_PLAN), Map.of(START_DATE, today().toString(),
        HAND_BACK_CRITERIA, "The partner's insurer confirms coverage"));
    executeJobs(instance.getId());

    String letter = (String) planRow(planId(instance)).get("LIABILITY_LETTER");
    assertThat(letter).contains("LETTER OF CIVIL-LIABILITY COVERAGE").contains("Les Restos du Quartier")
        .contains("covers the civil liability");
    assertThat(mailsTo("contact@restos-quartier.example.org")).extracting(IntegrationTest::body)
        .anySatisfy(b -> assertThat(b).contains("LETTER OF CIVIL-LIABILITY COVERAGE"));
  }

  @Test
  void theDirectorsCannotGoBeyondTheFramework() {
    ProcessInstance instance = report(true, "VOLUNTEER_SHORTAGE", "NORMAL");
    var decide = task(instance.getId(), TASK_DECIDE_TAKEOVER);

    assertThatThrownBy(() -> completeAs("diane", decide, Map.of(DIRECTOR_DECISION, "APPROVE", DURATION_DAYS, 61)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("durationDays: at most 60 days");
    assertThatThrownBy(() -> completeAs("diane", decide, Map.of(DIRECTOR_DECISION, "APPROVE", DURATION_DAYS, 20,
        SUPPORT_MODALITIES, SpinValues.jsonValue("[\"FULL_TAKEOVER\"]").create())))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("not among the framework's modalities");
    completeAs("diane", decide, Map.of(DIRECTOR_DECISION, "APPROVE", DURATION_DAYS, 20,
        SUPPORT_MODALITIES, SpinValues.jsonValue("[\"AGENT_PROVISION\"]").create()));
    assertThat(planRow(planId(instance))).containsEntry("SUPPORT_MODALITIES", "AGENT_PROVISION")
        .containsEntry("DURATION_DAYS", 20);

    var prepare = task(instance.getId(), TASK_PREPARE_TAKEOVER_PLAN);
    Map<String, Object> plan = new HashMap<>(Map.of(ASSIGNED_AGENTS, "alice, ghost", START_DATE,
        today().toString(), HAND_BACK_CRITERIA, "Volunteers are back"));
    assertThatThrownBy(() -> completeAs("paula", prepare, plan)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("assignedAgents: 'ghost' is not a user");
    plan.put(ASSIGNED_AGENTS, "");
    assertThatThrownBy(() -> completeAs("paula", prepare, plan)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("name at least one");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM takeover_agent WHERE plan_id = ?", Integer.class,
        planId(instance))).isZero();
  }

  @Test
  void badReportsAreRefusedThroughRest() {
    String start = "/engine-rest/process-definition/key/" + KEY + "/start";
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    Map<String, Object> negative = restVariables(failure(true, "FUNDING", "NORMAL"));
    negative.put(BENEFICIARIES_COUNT, Map.of("value", -5));
    Map<String, Object> category = restVariables(failure(true, "FUNDING", "NORMAL"));
    category.put(ACTION_CATEGORY, Map.of("value", "PARTY"));
    Map<String, Object> email = restVariables(failure(true, "FUNDING", "NORMAL"));
    email.put(PARTNER_EMAIL, Map.of("value", "not an address"));

    assertThat(rest("paula").post(start, Map.of("variables", negative)).message()).contains("beneficiariesCount: must be at least 0");
    assertThat(rest("paula").post(start, Map.of("variables", category)).message()).contains("actionCategory: 'PARTY' is not one of");
    assertThat(rest("paula").post(start, Map.of("variables", email)).message()).contains("partnerEmail: must be an e-mail address");
    assertThat(rest("alice").post(start, Map.of("variables", restVariables(failure(true, "FUNDING", "NORMAL"))))
        .status()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  private static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }
}
