package fr.reflexespublics.mobility;

import static fr.reflexespublics.mobility.MobilityProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.ProcessCoverage;
import fr.reflexespublics.support.Rest;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Micro-mobility: marc (head of Roads) asks for reinforcement, hugo (HR) selects, the volunteers
 * bruno and chloe (managed by nadia) and olga (managed by diane) answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicroMobilityProcessTest extends IntegrationTest {

  /** Each test in a year of its own: volunteer days and overlapping missions never leak. */
  private static final AtomicInteger YEARS = new AtomicInteger((int) (System.nanoTime() % 400));
  /** The comma-separated shortlist the process used to keep as a variable that nothing read. */
  private static final String FORMER_SHORTLIST = "shortlist";
  private final Date classStart = new Date();
  @Autowired VolunteerPool pool;
  private LocalDate start;

  @BeforeEach
  void volunteers() {
    start = LocalDate.of(2200 + YEARS.incrementAndGet() % 700, 3, 1); // a Monday or not, does not matter
    pool.register(new VolunteerPool.Registration("bruno", List.of("childcare", "driving"), List.of("crisis"), true, 15));
    pool.register(new VolunteerPool.Registration("chloe", List.of("driving", "phone"), List.of("crisis"), false, 15));
    pool.register(new VolunteerPool.Registration("olga", List.of("cooking"), List.of("social"), false, 3));
  }

  @AfterAll
  void coverage() {
    ProcessCoverage.assertAtLeast(engine, KEY, classStart, 0.9);
  }

  private Map<String, Object> request(int agents, boolean weekends) {
    Map<String, Object> v = new HashMap<>();
    v.put(MISSION, "Winter salting of the bridges, with the road crews");
    v.put(RECEIVING_SERVICE, "roads");
    v.put(SKILLS, "driving, logistics");
    v.put(START_DATE, start.toString());
    v.put(END_DATE, start.plusDays(9).toString());
    v.put(AGENTS_NEEDED, agents);
    v.put(WEEKEND_WORK, weekends);
    v.put(TUTOR_USER_ID, "alice");
    return v;
  }

  private int missionDays() {
    return Matching.missionDays(start, start.plusDays(9), false);
  }

  private Task taskOf(ProcessInstance instance, String key, String assignee) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .taskAssignee(assignee).singleResult();
  }

  private ProcessInstance selected(String agents) {
    ProcessInstance instance = startAs("marc", KEY, request(2, false));
    completeAs("hugo", task(instance.getId(), TASK_SELECT_AGENTS), Map.of(SELECTED_AGENTS, agents));
    return instance;
  }

  private String status(ProcessInstance instance, String agent) {
    return assignment(instance, agent).get("STATUS").toString();
  }

  private Map<String, Object> assignment(ProcessInstance instance, String agent) {
    return jdbc.queryForMap("""
        SELECT a.* FROM mission_assignment a JOIN reinforcement_request r ON r.id = a.request_id
         WHERE r.process_instance_id = ? AND a.user_id = ?""", instance.getId(), agent);
  }

  /** The volunteers HR is offered, as the note above the selection lists them ("- user: skills ..."). */
  private List<String> shortlisted(ProcessInstance instance) {
    String note = (String) runtimeService.getVariable(instance.getId(), SHORTLIST_NOTE);
    return note.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2, l.indexOf(':'))).toList();
  }

  /** The release step of one agent's assignment (the manager has one per agent). */
  private Task releaseOf(ProcessInstance instance, String agent) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_RELEASE_AGENT)
        .list().stream().filter(t -> agent.equals(taskService.getVariable(t.getId(), AGENT))).findFirst().orElseThrow();
  }

  @Test
  void aVolunteerAcceptsIsReleasedServesAndReturnsOnTimeWithNewSkills() {
    ProcessInstance instance = startAs("marc", KEY, request(1, false));
    assertThat(shortlisted(instance)).containsExactly("bruno", "chloe"); // olga has no matching skill; both drive
    completeAs("hugo", task(instance.getId(), TASK_SELECT_AGENTS), Map.of(SELECTED_AGENTS, "chloe"));

    completeAs("chloe", taskOf(instance, TASK_ACCEPT_MISSION, "chloe"), Map.of(MISSION_ANSWER, "ACCEPT"));
    completeAs("nadia", taskOf(instance, TASK_RELEASE_AGENT, "nadia"), Map.of(RELEASE, "RELEASE"));
    executeJobs(instance.getId());

    assertThat(status(instance, "chloe")).isEqualTo("ON_MISSION");
    for (String address : List.of("chloe@example.org", "alice@example.org", "nadia@example.org")) {
      assertThat(mailsTo(address)).extracting(IntegrationTest::body).as(address)
          .anySatisfy(b -> assertThat(b).contains("the tutor, alice").contains("the original manager, nadia"));
    }
    // a ten-day mission: the check-in at noon of its fifth day, the end on its last day at 18:00
    assertThat(timerDue(instance.getId(), TIMER_MID_MISSION))
        .isEqualTo(Date.from(start.plusDays(4).atTime(12, 0).atZone(zone).toInstant()));
    fireTimer(instance.getId(), TIMER_MID_MISSION);
    completeAs("chloe", task(instance.getId(), TASK_MID_MISSION_CHECK_IN), Map.of(GOING_WELL, true,
        CONSTRAINTS_RESPECTED, false, COMMENT, "Great crew, but two Saturdays worked"));
    assertThat(timerDue(instance.getId(), TIMER_MISSION_END))
        .isEqualTo(Date.from(start.plusDays(9).atTime(18, 0).atZone(zone).toInstant()));
    assertNeverStored(instance.getId(), "midMissionAt", "missionEndAt");
    fireTimer(instance.getId(), TIMER_MISSION_END);
    completeAs("nadia", task(instance.getId(), TASK_PREPARE_RETURN), Map.of(RETURN_NOTES, "Back on Monday, desk ready"));
    completeAs("chloe", task(instance.getId(), TASK_MISSION_DEBRIEF), Map.of(SKILLS_GAINED, "Driving a salt spreader",
        WOULD_DO_AGAIN, true));

    assertThat(instance).isEnded().hasPassed(END_RETURNED);
    assertThat(assignment(instance, "chloe")).containsEntry("STATUS", "RETURNED").containsEntry("RETURNED_EARLY", false)
        .containsEntry("GOING_WELL", true).containsEntry("CONSTRAINTS_RESPECTED", false)
        .containsEntry("CHECK_IN_COMMENT", "Great crew, but two Saturdays worked")
        .containsEntry("RETURN_NOTES", "Back on Monday, desk ready")
        .containsEntry("SKILLS_GAINED", "Driving a salt spreader").containsEntry("WOULD_DO_AGAIN", true)
        .containsEntry("REFUSAL_REASON", null)
        .containsEntry("HOME_SERVICE", "early-childhood").containsEntry("MISSION_DAYS", missionDays());
    assertThat(pool.usedDays("chloe", start.getYear())).isEqualTo(missionDays());
    // recorded in mission_assignment (or, for the picks, its rows), never kept as variables
    assertNeverStored(instance.getId(), SELECTED_AGENTS, GOING_WELL, CONSTRAINTS_RESPECTED, COMMENT, RETURN_NOTES,
        SKILLS_GAINED, WOULD_DO_AGAIN, FORMER_SHORTLIST);
  }

  @Test
  void anAgentMayDeclineAndAManagerMayRefuseWithAReason() {
    ProcessInstance instance = selected("bruno,chloe");

    completeAs("bruno", taskOf(instance, TASK_ACCEPT_MISSION, "bruno"), Map.of(MISSION_ANSWER, "DECLINE"));
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_RELEASE_AGENT).taskAssignee("nadia").count()).isEqualTo(2);
    Task chloeRelease = releaseOf(instance, "chloe");
    assertThatThrownBy(() -> completeAs("nadia", chloeRelease, Map.of(RELEASE, "REFUSE")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("refusalReason: is required");
    // the manager answers before the agent: the reason is recorded at once, the join comes later
    completeAs("nadia", chloeRelease, Map.of(RELEASE, "REFUSE", REFUSAL_REASON, "Two colleagues are already on leave"));
    assertThat(assignment(instance, "chloe")).containsEntry("STATUS", "PROPOSED")
        .containsEntry("REFUSAL_REASON", "Two colleagues are already on leave");
    completeAs("chloe", taskOf(instance, TASK_ACCEPT_MISSION, "chloe"), Map.of(MISSION_ANSWER, "ACCEPT"));
    // the agent declined first: the manager's answer completes the join in the same transaction
    completeAs("nadia", releaseOf(instance, "bruno"), Map.of(RELEASE, "REFUSE", REFUSAL_REASON,
        "Bruno is needed for the daycare inspection"));

    assertThat(instance).isEnded().hasPassed(END_NOT_REASSIGNED);
    assertThat(assignment(instance, "bruno")).containsEntry("STATUS", "DECLINED")
        .containsEntry("REFUSAL_REASON", "Bruno is needed for the daycare inspection");
    assertThat(assignment(instance, "chloe")).containsEntry("STATUS", "REFUSED")
        .containsEntry("REFUSAL_REASON", "Two colleagues are already on leave");
    assertThat(pool.usedDays("chloe", start.getYear())).isZero();
    assertNeverStored(instance.getId(), SELECTED_AGENTS, REFUSAL_REASON);
  }

  @Test
  void theReinforcementMayEndEarly() {
    ProcessInstance instance = selected("chloe");
    completeAs("chloe", taskOf(instance, TASK_ACCEPT_MISSION, "chloe"), Map.of(MISSION_ANSWER, "ACCEPT"));
    completeAs("nadia", taskOf(instance, TASK_RELEASE_AGENT, "nadia"), Map.of(RELEASE, "RELEASE"));
    executeJobs(instance.getId());

    assertThat(rest("alice").post("/api/mobility/" + instance.getId() + "/early-return", Map.of()).status()).isEqualTo(403);
    Rest.Answer early = rest("marc").post("/api/mobility/" + instance.getId() + "/early-return", Map.of());

    assertThat(early.status()).as(early.body()).isEqualTo(200);
    assertThat(instance).hasPassed(BOUNDARY_EARLY_RETURN).isWaitingAt(TASK_PREPARE_RETURN, TASK_MISSION_DEBRIEF);
    completeAs("nadia", task(instance.getId(), TASK_PREPARE_RETURN), Map.of(RETURN_NOTES, "Back tomorrow"));
    completeAs("chloe", task(instance.getId(), TASK_MISSION_DEBRIEF), Map.of(SKILLS_GAINED, "", WOULD_DO_AGAIN, false));
    assertThat(assignment(instance, "chloe")).containsEntry("RETURNED_EARLY", true)
        .containsEntry("RETURN_NOTES", "Back tomorrow").containsEntry("WOULD_DO_AGAIN", false)
        .containsEntry("GOING_WELL", null).containsEntry("CHECK_IN_COMMENT", null); // back before the check-in
    assertNeverStored(instance.getId(), RETURN_NOTES, SKILLS_GAINED, WOULD_DO_AGAIN);
    assertThat(rest("hugo").post("/api/mobility/" + instance.getId() + "/early-return", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aPickThatViolatesAConstraintIsRefusedWithTheReason() {
    ProcessInstance instance = startAs("marc", KEY, request(2, true)); // weekends: bruno said no
    assertThat(shortlisted(instance)).containsExactly("chloe");
    Task select = task(instance.getId(), TASK_SELECT_AGENTS);

    assertThatThrownBy(() -> completeAs("hugo", select, Map.of(SELECTED_AGENTS, "bruno")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("bruno asked not to work on weekends");
    assertThatThrownBy(() -> completeAs("hugo", select, Map.of(SELECTED_AGENTS, "olga")))
        .hasMessageContaining("olga has 3 volunteer day(s) left this year; the mission needs 10");
    assertThatThrownBy(() -> completeAs("hugo", select, Map.of(SELECTED_AGENTS, "diane")))
        .hasMessageContaining("'diane' is not in the volunteer pool");
    assertThatThrownBy(() -> completeAs("hugo", select, Map.of(SELECTED_AGENTS, "chloe,bruno,olga")))
        .hasMessageContaining("at most the 2 agent(s) requested");
    assertThat(jdbc.queryForObject("""
        SELECT COUNT(*) FROM mission_assignment a JOIN reinforcement_request r ON r.id = a.request_id
         WHERE r.process_instance_id = ?""", Integer.class, instance.getId())).isZero();
  }

  @Test
  void whenThePoolCannotGiveEnoughAgentsHrIsToldClearlyAndMayCloseTheRequest() {
    ProcessInstance instance = startAs("marc", KEY, request(5, true));

    assertThat((String) runtimeService.getVariable(instance.getId(), SHORTLIST_NOTE))
        .startsWith("Only 1 volunteer(s) of the pool can take this mission, for 5 requested.");
    completeAs("hugo", task(instance.getId(), TASK_SELECT_AGENTS), Map.of(SELECTED_AGENTS, ""));
    assertThat(instance).isEnded().hasPassed(END_REQUEST_CLOSED);
  }

  @Test
  void badRequestsAreRefused() {
    Map<String, Object> reversed = request(1, false);
    reversed.put(END_DATE, start.minusDays(1).toString());
    Map<String, Object> tutor = request(1, false);
    tutor.put(TUTOR_USER_ID, "nadia");

    assertThatThrownBy(() -> startAs("marc", KEY, reversed)).hasMessageContaining("endDate: must not be before the start date");
    assertThatThrownBy(() -> startAs("marc", KEY, tutor)).hasMessageContaining("the tutor works in the receiving service");
    assertThatThrownBy(() -> startAs("alice", KEY, request(1, false)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }

  @Test
  void agentsJoinAndLeaveThePoolWithinTheQuota() {
    Rest.Answer tooMany = rest("colin").post("/api/volunteer-pool", Map.of("skills", List.of("writing"),
        "missionKinds", List.of(), "noWeekends", true, "volunteerDays", 21));
    Rest.Answer formula = rest("colin").post("/api/volunteer-pool", Map.of("skills", List.of("=cmd|' /C calc'!A0"),
        "noWeekends", true, "volunteerDays", 2));
    Rest.Answer ok = rest("colin").post("/api/volunteer-pool", Map.of("skills", List.of("writing", "video"),
        "missionKinds", List.of("communication"), "noWeekends", true, "volunteerDays", 5));

    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.message()).contains("volunteerDays: at most 20 (the yearly quota of volunteer days)");
    assertThat(formula.status()).isEqualTo(400);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(rest("colin").get("/api/volunteer-pool/me").json().path("skills").toString()).contains("video");
    assertThat(rest("colin").delete("/api/volunteer-pool/me").status()).isEqualTo(200);
    assertThat(rest("colin").get("/api/volunteer-pool/me").status()).isEqualTo(404);
    assertThat(rest("colin").delete("/api/volunteer-pool/me").status()).isEqualTo(404);
  }
}
