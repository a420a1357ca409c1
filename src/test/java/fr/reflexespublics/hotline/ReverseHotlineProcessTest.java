package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.FollowUpProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.ProcessCoverage;
import fr.reflexespublics.support.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reverse hotline end to end: hugo (coordinator) launches a campaign over a register of its
 * own, bruno (novice) and chloe (experienced) call, olga (orientator) routes and tracks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseHotlineProcessTest extends IntegrationTest {

  @Autowired RegisterService register;
  @Autowired PersonalDataEraser eraser;
  @Autowired fr.reflexespublics.platform.BackgroundJobs backgroundJobs;
  private final Date classStart = new Date();

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, CampaignProcess.KEY, classStart, 0.9);
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
  }

  /** A register of its own for each test: simple persons, plus a complex one when asked. */
  private String newRegister(int simple, int complex) {
    String name = "test-register-" + System.nanoTime();
    for (int i = 0; i < simple + complex; i++) {
      register.add("Resident" + i, "Test" + name.hashCode(), String.format("01 99 01 %02d %02d", i / 100, i % 100),
          "Riverside", "75-84", i < simple ? "SIMPLE" : "COMPLEX", LocalDate.of(2026, 6, 1), name);
    }
    return name;
  }

  private ProcessInstance launch(String registerName) {
    ProcessInstance campaign = startAs("hugo", CampaignProcess.KEY, Map.of(CampaignProcess.CAMPAIGN_NAME, "Heat wave 2026",
        CampaignProcess.CALL_INTERVAL_DAYS, 7, CampaignProcess.CAMPAIGN_END, today().plusDays(30).toString(),
        CampaignProcess.SOURCE_REGISTER, registerName, CampaignProcess.COMPLEXITY, "ANY",
        CampaignProcess.AGE_BAND, "ANY"));
    executeJobs(campaign.getId());
    executeBackgroundJobs();
    return campaign;
  }

  private List<ProcessInstance> followUps(ProcessInstance campaign) {
    String campaignId = (String) runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID);
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(CAMPAIGN_ID, campaignId).list();
  }

  private ProcessInstance oneFollowUp() {
    ProcessInstance campaign = launch(newRegister(1, 0));
    return followUps(campaign).get(0);
  }

  private static Map<String, Object> reached(boolean difficulty, boolean urgent, boolean stop, String... needs) {
    Map<String, Object> v = new HashMap<>();
    v.put(REACHED, true);
    v.put(WELLBEING, difficulty ? "FRAGILE" : "GOOD");
    v.put(NEEDS, SpinValues.jsonValue(needs.length == 0 ? "[\"NONE\"]"
        : "[\"" + String.join("\",\"", needs) + "\"]").create());
    v.put(DIFFICULTY_DETECTED, difficulty);
    if (difficulty) {
      v.put(DIFFICULTY_DESCRIPTION, "Fridge empty since Monday, no family nearby");
    }
    v.put(URGENT, urgent);
    v.put(WISHES_TO_STOP, stop);
    return v;
  }

  private void call(String caller, ProcessInstance followUp, Map<String, Object> answers) {
    completeAs(caller, task(followUp.getId(), TASK_CALL_PERSON), answers);
    executeJobs(followUp.getId());
  }

  @Test
  void theCampaignKeepsTheFollowUpPolicyAndAFollowUpCarriesOnlyItsOwnSevenVariables() {
    ProcessInstance campaign = launch(newRegister(1, 0));
    ProcessInstance followUp = followUps(campaign).get(0);
    String campaignId = (String) runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID);

    // waiting at its first call: no attempt counted, no wellbeing heard yet
    assertThat(runtimeService.getVariables(followUp.getId()).keySet()).containsExactlyInAnyOrder(
        CAMPAIGN_ID, PERSON_ID, PERSON_FIRST_NAME, PERSON_PHONE, PERSON_AREA, COMPLEXITY, REQUIRED_EXPERIENCE);
    Map<String, Object> policy = jdbc.queryForMap("SELECT call_interval_days, retry_delay, max_attempts,"
        + " orientation_follow_up, urgent_reminder, proximity_group, on_call_address FROM hotline_campaign WHERE id = ?",
        campaignId);
    assertThat(policy).containsValues(7, "PT4H", 3, "P3D", "PT1H", "orientators");
    assertThat(policy.values()).doesNotContainNull();
  }

  @Test
  void aCampaignStartsOneFollowUpPerConsentingPersonInBatchesAndShowsItsProgress() {
    String reg = newRegister(4, 1);
    jdbc.update("UPDATE registered_person SET opted_out_at = CURRENT_TIMESTAMP WHERE source_register = ? AND first_name = 'Resident0'", reg);

    ProcessInstance campaign = launch(reg);

    List<ProcessInstance> followUps = followUps(campaign);
    assertThat(followUps).hasSize(4);
    assertThat(followUps).allSatisfy(f -> assertThat(f.getBusinessKey()).matches("[0-9a-f-]{36}"));
    Rest.Answer progress = rest("hugo").get("/api/campaigns/" + campaign.getId());
    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.json().path("total").asInt()).isEqualTo(4);
    assertThat(progress.json().path("started").asInt()).isEqualTo(4);
    assertThat(rest("bruno").get("/api/campaigns/" + campaign.getId()).status()).isEqualTo(403);
    assertThat(rest("hugo").get("/api/campaigns/nope").status()).isEqualTo(404);

    // novices get simple situations, complex ones go to experienced callers only
    for (ProcessInstance followUp : followUps) {
      Task call = task(followUp.getId(), TASK_CALL_PERSON);
      List<IdentityLink> links = taskService.getIdentityLinksForTask(call.getId());
      if ("COMPLEX".equals(runtimeService.getVariable(followUp.getId(), COMPLEXITY))) {
        assertThat(links).extracting(IdentityLink::getUserId).containsOnly("chloe");
      } else {
        assertThat(links).extracting(IdentityLink::getGroupId).containsOnly("hotline-callers");
      }
    }
    // a batch that runs again starts nobody twice
    String campaignId = (String) runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID);
    inCommand(context -> {
      FollowUpBatchJobHandler.plan(backgroundJobs, FollowUpBatchJobHandler.Action.START, campaignId, List.of("~"));
      return null;
    });
    executeBackgroundJobs();
    assertThat(followUps(campaign)).hasSize(4);
    // the calls are not mailed one by one to every caller
    assertThat(mailsTo("bruno@example.org")).isEmpty();
  }

  @Test
  void notReachedThreeTimesThenAHomeVisitThenTheNextCall() {
    ProcessInstance followUp = oneFollowUp();
    for (int attempt = 1; attempt <= 3; attempt++) {
      call("bruno", followUp, Map.of(REACHED, false));
      if (attempt < 3) {
        assertThat(followUp).isWaitingAt(TIMER_RETRY_DELAY);
        fireTimer(followUp.getId(), TIMER_RETRY_DELAY);
      }
    }
    assertThat(followUp).isWaitingAt(TASK_HOME_VISIT);
    assertThat(taskService.createTaskQuery().processInstanceId(followUp.getId()).taskCandidateGroup("orientators").count())
        .isEqualTo(1);
    completeAs("olga", task(followUp.getId(), TASK_HOME_VISIT), Map.of(VISIT_OUTCOME, "Was at her daughter's, all fine"));

    assertThat(followUp).isWaitingAt(TIMER_NEXT_CALL);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_log WHERE person_id = ? AND reached = FALSE", Integer.class,
        followUp.getBusinessKey())).isEqualTo(3);
    fireTimer(followUp.getId(), TIMER_NEXT_CALL);
    assertThat(followUp).isWaitingAt(TASK_CALL_PERSON);
  }

  @Test
  void aDifficultyIsRoutedToTheRightServiceAndTrackedUntilHandled() {
    ProcessInstance followUp = oneFollowUp();

    call("bruno", followUp, reached(true, false, false, "FOOD", "ISOLATION"));

    assertThat(followUp).isWaitingAt(TASK_ORIENT_REQUEST, TIMER_NEXT_CALL);
    Task orient = task(followUp.getId(), TASK_ORIENT_REQUEST);
    assertThat(taskService.getVariable(orient.getId(), PROPOSED_SERVICE)).isEqualTo("FOOD_BANK");
    completeAs("olga", orient, Map.of(TARGET_SERVICE, "FOOD_BANK", ORIENTATION_NOTE, "Please deliver a parcel this week"));
    executeJobs(followUp.getId());
    assertThat(mailsTo("food-bank@localhost")).hasSize(1);
    assertThat(body(mailsTo("food-bank@localhost").get(0))).contains("Please deliver a parcel this week")
        .doesNotContain("Resident0").doesNotContain("01 99 01");

    completeAs("olga", task(followUp.getId(), TASK_CONFIRM_HANDLED), Map.of(HANDLED, false));
    fireTimer(followUp.getId(), TIMER_ORIENTATION_FOLLOW_UP);
    executeJobs(followUp.getId());
    assertThat(mailsTo("hugo@example.org")).extracting(IntegrationTest::subject)
        .anySatisfy(s -> assertThat(s).contains("not confirmed yet"));
    completeAs("olga", task(followUp.getId(), TASK_CONFIRM_HANDLED), Map.of(HANDLED, true,
        HANDLING_OUTCOME, "Parcel delivered on Thursday"));

    assertThat(followUp).hasPassed(END_ORIENTATION_CLOSED).isWaitingAt(TIMER_NEXT_CALL);
    Map<String, Object> record = jdbc.queryForMap("SELECT * FROM orientation_request WHERE person_id = ?",
        followUp.getBusinessKey());
    assertThat(record).containsEntry("STATUS", "HANDLED").containsEntry("TARGET_SERVICE", "FOOD_BANK")
        .containsEntry("NEEDS", "FOOD,ISOLATION").containsEntry("REMINDERS", 1);
  }

  @Test
  void anUrgentSituationAlertsTheOnCallAtOnceAndAgainUntilDealtWith() {
    ProcessInstance followUp = oneFollowUp();

    call("bruno", followUp, reached(false, true, false));

    assertThat(mailsTo("on-call@localhost")).hasSize(1);
    assertThat(subject(mailsTo("on-call@localhost").get(0))).startsWith("[Public Reflexes] URGENT");
    Task urgent = task(followUp.getId(), TASK_URGENT_ESCALATION);
    assertThat(taskService.createTaskQuery().taskId(urgent.getId()).taskCandidateGroup("hotline-coordinators").count())
        .isEqualTo(1);
    fireTimer(followUp.getId(), TIMER_URGENT);
    executeJobs(followUp.getId());
    assertThat(mailsTo("on-call@localhost")).hasSize(2);
    completeAs("hugo", urgent, Map.of(ESCALATION_OUTCOME, "Emergency services called, person taken to hospital"));
    assertThat(followUp).hasPassed(END_URGENCY_HANDLED).isWaitingAt(TIMER_NEXT_CALL);
  }

  @Test
  void theCallsAnswersSteerTheFlowAndGoToTheCallLogButTheEngineStoresNoneOfThem() {
    ProcessInstance followUp = oneFollowUp();

    call("bruno", followUp, reached(true, true, false, "FOOD"));
    assertThat(followUp).isWaitingAt(TASK_ORIENT_REQUEST, TASK_URGENT_ESCALATION, TIMER_NEXT_CALL);
    fireTimer(followUp.getId(), TIMER_NEXT_CALL);
    call("bruno", followUp, Map.of(REACHED, false));
    assertThat(followUp).isWaitingAt(TIMER_RETRY_DELAY);
    fireTimer(followUp.getId(), TIMER_RETRY_DELAY);
    Map<String, Object> third = reached(false, false, false);
    third.remove(WISHES_TO_STOP); // a checkbox left out: unticked
    call("bruno", followUp, third);

    assertThat(followUp).isWaitingAt(TASK_ORIENT_REQUEST, TASK_URGENT_ESCALATION, TIMER_NEXT_CALL);
    assertThat(jdbc.queryForList("SELECT attempt, reached, wellbeing, difficulty_detected, urgent, wishes_to_stop"
        + " FROM call_log WHERE person_id = ? ORDER BY called_at, attempt", followUp.getBusinessKey()))
        .extracting(r -> List.of(r.get("ATTEMPT"), r.get("REACHED"), String.valueOf(r.get("WELLBEING")),
            r.get("DIFFICULTY_DETECTED"), r.get("URGENT"), r.get("WISHES_TO_STOP")))
        .containsExactly(List.of(1, true, "FRAGILE", true, true, false), List.of(1, false, "null", false, false, false),
            List.of(2, true, "GOOD", false, false, false));
    assertThat(runtimeService.getVariable(followUp.getId(), LAST_WELLBEING)).isEqualTo("GOOD");
    assertThat(runtimeService.getVariable(followUp.getId(), ATTEMPT)).as("reached again: the count starts over")
        .isEqualTo(0);
    assertNeverStored(followUp.getId(), REACHED, WELLBEING, DIFFICULTY_DETECTED, URGENT, WISHES_TO_STOP);
  }

  @Test
  void aFollowUpStartedBeforeTheAnswersWereTransientGoesOnWithItsStoredAnswers() throws Exception {
    // the follow-up as deployed before: the same diagram, a call form whose answers are stored
    ObjectMapper json = new ObjectMapper();
    JsonNode form = json.readTree(Files.readString(Path.of("forms", FORM_CALL + ".form")));
    form.path("components").forEach(c -> {
      if (c.path("properties").has("transient")) {
        ((ObjectNode) c).remove("properties");
      }
    });
    var earlier = repositoryService.createDeployment().name("follow-up with stored answers")
        .addString(KEY + ".bpmn", Files.readString(Path.of("processes", KEY + ".bpmn")))
        .addString(FORM_CALL + ".form", json.writeValueAsString(form));
    try (var others = Files.newDirectoryStream(Path.of("forms"), "hotline-*.form")) {
      for (Path other : others) {
        if (!other.getFileName().toString().equals(FORM_CALL + ".form")) {
          earlier.addString(other.getFileName().toString(), Files.readString(other));
        }
      }
    }
    String deploymentId = earlier.deploy().getId();
    try {
      ProcessInstance followUp = oneFollowUp();
      assertThat(repositoryService.getProcessDefinition(followUp.getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deploymentId);

      call("bruno", followUp, reached(false, false, false));
      assertThat(runtimeService.getVariable(followUp.getId(), REACHED)).as("stored, as before").isEqualTo(true);
      fireTimer(followUp.getId(), TIMER_NEXT_CALL);
      runtimeService.setVariable(followUp.getId(), URGENT, true); // what an earlier call could have left
      call("bruno", followUp, Map.of(REACHED, false));
      assertThat(runtimeService.getVariables(followUp.getId(), List.of(WISHES_TO_STOP, DIFFICULTY_DETECTED, URGENT)))
          .as("reset after an unanswered call, as before").containsOnlyKeys(WISHES_TO_STOP, DIFFICULTY_DETECTED, URGENT)
          .allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(false));
      fireTimer(followUp.getId(), TIMER_RETRY_DELAY);
      call("bruno", followUp, reached(true, true, false, "FOOD"));
      assertThat(followUp).isWaitingAt(TASK_ORIENT_REQUEST, TASK_URGENT_ESCALATION, TIMER_NEXT_CALL);
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aPersonWhoWishesToStopIsOptedOutThenErasedFromRegisterAndHistory() {
    ProcessInstance followUp = oneFollowUp();
    String personId = followUp.getBusinessKey();

    call("bruno", followUp, reached(false, false, true));

    assertThat(followUp).isEnded().hasPassed(END_OPTED_OUT);
    assertThat(jdbc.queryForObject("SELECT opted_out_at FROM registered_person WHERE id = ?", Date.class, personId)).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(followUp.getId())
        .variableName(PERSON_PHONE).count()).isEqualTo(1);

    eraser.eraseOptedOut();

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM registered_person WHERE id = ?", personId);
    assertThat(row.get("FIRST_NAME")).isNull();
    assertThat(row.get("PHONE")).isNull();
    assertThat(row.get("ERASED_AT")).isNotNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(followUp.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(followUp.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_log WHERE person_id = ?", Integer.class, personId))
        .as("call statistics stay, without personal data").isEqualTo(1);
  }

  @Test
  void aDifficultyTheLastCallRevealedIsStillRoutedAfterTheOptOutAndTheErasureWaitsForIt() {
    ProcessInstance followUp = oneFollowUp();

    call("bruno", followUp, reached(true, false, true, "MEDICATION"));

    assertThat(followUp).hasPassed(END_OPTED_OUT).isWaitingAt(TASK_ORIENT_REQUEST);
    assertThat(taskService.getVariable(task(followUp.getId(), TASK_ORIENT_REQUEST).getId(), PROPOSED_SERVICE))
        .isEqualTo("HEALTH_CENTRE");
    eraser.eraseOptedOut();
    assertThat(jdbc.queryForObject("SELECT erased_at FROM registered_person WHERE id = ?", Date.class,
        followUp.getBusinessKey())).as("not erased while its request is handled").isNull();
  }

  @Test
  void closingACampaignStopsTheCallsButNotTheOrientationsAndMailsASummary() {
    ProcessInstance campaign = launch(newRegister(2, 0));
    List<ProcessInstance> followUps = followUps(campaign);
    call("bruno", followUps.get(0), reached(true, false, false, "HOUSING"));

    completeAs("hugo", task(campaign.getId(), CampaignProcess.TASK_CLOSE_CAMPAIGN),
        Map.of(CampaignProcess.CLOSING_NOTE, "The heat wave is over"));
    executeJobs(campaign.getId());
    executeBackgroundJobs();

    assertThat(campaign).isEnded().hasPassed(CampaignProcess.END_CLOSED);
    assertThat(followUps.get(1)).isEnded().hasPassed(END_CAMPAIGN_CLOSED);
    assertThat(followUps.get(0)).hasPassed(END_CAMPAIGN_CLOSED).isWaitingAt(TASK_ORIENT_REQUEST);
    String summary = body(mailsTo("hugo@example.org").stream()
        .filter(m -> subject(m).contains("closed: summary")).findFirst().orElseThrow());
    assertThat(summary).contains("Persons followed: 2").contains("Calls made: 1").contains("Reached: 100 %")
        .contains("Difficulties detected: 1").contains("Orientation requests still open: 1");
  }

  @Test
  void theCampaignEndsByItselfAtItsEndDate() {
    ProcessInstance campaign = launch(newRegister(1, 0));
    ProcessInstance followUp = followUps(campaign).get(0);

    fireTimer(campaign.getId(), CampaignProcess.TIMER_CAMPAIGN_END);
    executeJobs(campaign.getId());
    executeBackgroundJobs();

    assertThat(campaign).isEnded().hasPassed(CampaignProcess.TIMER_CAMPAIGN_END);
    assertThat(followUp).isEnded();
  }

  @Test
  void callFormsThatContradictThemselvesAreRefused() {
    ProcessInstance followUp = oneFollowUp();
    Task call = task(followUp.getId(), TASK_CALL_PERSON);

    assertThatThrownBy(() -> completeAs("bruno", call, Map.of(REACHED, false, WELLBEING, "GOOD")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("wellbeing: must not be given here");
    Map<String, Object> noDescription = reached(true, false, false, "FOOD");
    noDescription.remove(DIFFICULTY_DESCRIPTION);
    assertThatThrownBy(() -> completeAs("bruno", call, noDescription))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("difficultyDescription: is required");
    assertThatThrownBy(() -> completeAs("bruno", call, reached(false, false, false, "NONE", "FOOD")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("NONE cannot go with other needs");
    assertThat(followUp).isWaitingAt(TASK_CALL_PERSON);
  }

  @Test
  void agentsOutsideTheHotlineSeeNothingOfIt() {
    ProcessInstance followUp = oneFollowUp();
    String pid = followUp.getId();

    Rest.Answer tasks = rest("alice").get("/engine-rest/task?processDefinitionKey=" + KEY + "&maxResults=50");
    Rest.Answer instances = rest("alice").get("/engine-rest/process-instance?processDefinitionKey=" + KEY + "&maxResults=50");
    Rest.Answer variables = rest("alice").get("/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&maxResults=50");
    Rest.Answer history = rest("alice").get("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&maxResults=50");
    Rest.Answer direct = rest("alice").get("/engine-rest/process-instance/" + pid + "/variables");

    assertThat(tasks.json()).isEmpty();
    assertThat(instances.json()).isEmpty();
    assertThat(variables.json()).isEmpty();
    assertThat(history.json()).isEmpty();
    assertThat(direct.status()).isIn(403, 404);
    assertThat(direct.body()).doesNotContain("Resident0");
    // a caller sees the call offered to callers, a coordinator follows every instance
    assertThat(rest("bruno").get("/engine-rest/task?processInstanceId=" + pid + "&maxResults=10").json()).hasSize(1);
    assertThat(rest("hugo").get("/engine-rest/process-instance/" + pid + "/variables/" + PERSON_FIRST_NAME).status())
        .isEqualTo(200);
  }

  @Test
  void aCampaignMustSelectSomeone() {
    assertThatThrownBy(() -> startAs("hugo", CampaignProcess.KEY, Map.of(CampaignProcess.CAMPAIGN_NAME, "Nobody",
        CampaignProcess.CALL_INTERVAL_DAYS, 7, CampaignProcess.CAMPAIGN_END, today().plusDays(3).toString(),
        CampaignProcess.SOURCE_REGISTER, "no-such-register", CampaignProcess.COMPLEXITY, "ANY",
        CampaignProcess.AGE_BAND, "ANY")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("no consenting person");
    assertThatThrownBy(() -> startAs("hugo", CampaignProcess.KEY, Map.of(CampaignProcess.CAMPAIGN_NAME, "Too often",
        CampaignProcess.CALL_INTERVAL_DAYS, 45, CampaignProcess.CAMPAIGN_END, today().plusDays(3).toString(),
        CampaignProcess.SOURCE_REGISTER, newRegister(1, 0), CampaignProcess.COMPLEXITY, "ANY",
        CampaignProcess.AGE_BAND, "ANY")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("callIntervalDays: must be at most 30");
  }
}
