package fr.reflexespublics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.reflexespublics.initiative.InitiativeProcess;
import fr.reflexespublics.mobility.Matching;
import fr.reflexespublics.mobility.MobilityProcess;
import fr.reflexespublics.mobility.VolunteerPool;
import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import fr.reflexespublics.takeover.TakeoverProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every section of the dashboard against a data set made by running the processes, in a year of
 * its own (the engine clock is moved there), so that other tests' data never count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest extends IntegrationTest {

  private static final int YEAR = 3000 + (int) (System.nanoTime() % 5000);

  @Autowired
  VolunteerPool pool;
  @Autowired
  ZoneId zone;

  private LocalDate day1;
  private int missionDays;

  private boolean ran;

  /** Runs the processes once, from the first test (process test coverage counts runs in tests only). */
  @BeforeEach
  void runTheProcesses() {
    if (ran) {
      at(day1.plusDays(5));
      return;
    }
    ran = true;
    day1 = LocalDate.of(YEAR, 3, 2);
    at(day1);
    // Initiatives: one with an explicit go-ahead two days after its declaration, one opposed.
    ProcessInstance goAhead = startAs("alice", InitiativeProcess.KEY, declaration(4));
    ProcessInstance opposed = startAs("alice", InitiativeProcess.KEY, declaration(2));
    at(day1.plusDays(2));
    completeAs("marc", task(goAhead.getId(), InitiativeProcess.TASK_REVIEW_NON_OPPOSITION),
        Map.of(InitiativeProcess.DECISION, "NO_OPPOSITION"));
    completeAs("marc", task(opposed.getId(), InitiativeProcess.TASK_REVIEW_NON_OPPOSITION),
        Map.of(InitiativeProcess.DECISION, "OPPOSITION", InitiativeProcess.OPPOSITION_REASON,
            "The depot is being rebuilt this month"));
    executeJobs(opposed.getId());
    completeAs("ines", task(goAhead.getId(), InitiativeProcess.TASK_INNOVATION_UNIT_CONSULTATION),
        Map.of(InitiativeProcess.SUPPORT, "COACHING", InitiativeProcess.CONSTRAINTS, "A storage room", InitiativeProcess.NOTES, ""));

    // A reassignment: chloe (early childhood) to the roads, served and back on time with a new skill.
    pool.register(new VolunteerPool.Registration("chloe", List.of("driving", "phone"), List.of("crisis"), false, 15));
    Map<String, Object> request = new HashMap<>();
    request.put(MobilityProcess.MISSION, "Winter salting of the bridges");
    request.put(MobilityProcess.RECEIVING_SERVICE, "roads");
    request.put(MobilityProcess.SKILLS, "driving");
    request.put(MobilityProcess.START_DATE, day1.plusDays(3).toString());
    request.put(MobilityProcess.END_DATE, day1.plusDays(9).toString());
    request.put(MobilityProcess.AGENTS_NEEDED, 1);
    request.put(MobilityProcess.WEEKEND_WORK, false);
    request.put(MobilityProcess.TUTOR_USER_ID, "alice");
    missionDays = Matching.missionDays(day1.plusDays(3), day1.plusDays(9), false);
    ProcessInstance mission = startAs("marc", MobilityProcess.KEY, request);
    completeAs("hugo", task(mission.getId(), MobilityProcess.TASK_SELECT_AGENTS),
        Map.of(MobilityProcess.SELECTED_AGENTS, "chloe"));
    completeAs("chloe", task(mission.getId(), MobilityProcess.TASK_ACCEPT_MISSION),
        Map.of(MobilityProcess.MISSION_ANSWER, "ACCEPT"));
    completeAs("nadia", task(mission.getId(), MobilityProcess.TASK_RELEASE_AGENT),
        Map.of(MobilityProcess.RELEASE, "RELEASE"));
    executeJobs(mission.getId());
    fireTimer(mission.getId(), MobilityProcess.TIMER_MID_MISSION);
    completeAs("chloe", task(mission.getId(), MobilityProcess.TASK_MID_MISSION_CHECK_IN),
        Map.of(MobilityProcess.GOING_WELL, true, MobilityProcess.CONSTRAINTS_RESPECTED, false,
            MobilityProcess.COMMENT, "Asked to come on Saturday"));
    fireTimer(mission.getId(), MobilityProcess.TIMER_MISSION_END);
    completeAs("nadia", task(mission.getId(), MobilityProcess.TASK_PREPARE_RETURN),
        Map.of(MobilityProcess.RETURN_NOTES, "Desk ready"));
    completeAs("chloe", task(mission.getId(), MobilityProcess.TASK_MISSION_DEBRIEF),
        Map.of(MobilityProcess.SKILLS_GAINED, "=Driving a salt spreader", MobilityProcess.WOULD_DO_AGAIN, true));

    // A takeover in operation, ending in 5 days, with one weekly review.
    Map<String, Object> failure = new HashMap<>();
    failure.put(TakeoverProcess.PARTNER_NAME, "Les Restos du Quartier");
    failure.put(TakeoverProcess.PARTNER_EMAIL, "contact@restos-quartier.example.org");
    failure.put(TakeoverProcess.ACTION_NAME, "Food parcels");
    failure.put(TakeoverProcess.ACTION_CATEGORY, "FOOD_AID");
    failure.put(TakeoverProcess.BENEFICIARIES_COUNT, 120);
    failure.put(TakeoverProcess.FAILURE_CAUSE, "VOLUNTEER_SHORTAGE");
    failure.put(TakeoverProcess.PARTNER_CONSENTS, true);
    failure.put(TakeoverProcess.URGENCY, "HIGH");
    ProcessInstance takeover = startAs("paula", TakeoverProcess.KEY, failure);
    completeAs("diane", task(takeover.getId(), TakeoverProcess.TASK_DECIDE_TAKEOVER),
        Map.of(TakeoverProcess.DIRECTOR_DECISION, "APPROVE", TakeoverProcess.DURATION_DAYS, 8));
    completeAs("paula", task(takeover.getId(), TakeoverProcess.TASK_PREPARE_TAKEOVER_PLAN),
        Map.of(TakeoverProcess.ASSIGNED_AGENTS, "alice, bruno", TakeoverProcess.START_DATE, day1.plusDays(2).toString(),
            TakeoverProcess.RESOURCES, "One van", TakeoverProcess.PREMISES, "Former tax office",
            TakeoverProcess.HAND_BACK_CRITERIA, "Volunteers back"));
    executeJobs(takeover.getId());
    fireTimer(takeover.getId(), TakeoverProcess.START_REVIEW_DUE);
    completeAs("paula", task(takeover.getId(), TakeoverProcess.TASK_WEEKLY_REVIEW),
        Map.of(TakeoverProcess.BENEFICIARIES_SERVED, 97, TakeoverProcess.INCIDENTS, "",
            TakeoverProcess.PARTNER_CAN_RESUME, false));
    at(day1.plusDays(5));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(zone).toInstant()));
  }

  private Map<String, Object> declaration(int days) {
    Map<String, Object> v = new HashMap<>();
    v.put(InitiativeProcess.TITLE, "Shared toolbox for road crews");
    v.put(InitiativeProcess.PUBLIC_INTEREST, "Fewer trips to the depot, faster repairs");
    v.put(InitiativeProcess.DESCRIPTION, "A toolbox at each district office.");
    v.put(InitiativeProcess.REQUESTED_DAYS, days);
    v.put(InitiativeProcess.PLANNED_START, day1.plusDays(10).toString());
    return v;
  }

  private long assignedTasks(String service) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN org_agent a ON a.user_id = t.ASSIGNEE_"
        + " WHERE a.service_id = ?", Long.class, service);
  }

  private JsonNode section(String id, String query) {
    Rest.Answer answer = rest("hugo").get("/api/dashboard/" + id + "?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31"
        + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** The rows of a table as compact JSON arrays, e.g. {@code ["roads",2,4]}. */
  private static List<String> rows(JsonNode section, String table) {
    List<String> out = new ArrayList<>();
    section.path("tables").path(table).path("rows").forEach(r -> out.add(r.toString()));
    return out;
  }

  @Test
  void initiativesCountOutcomesGoAheadsDaysAndTheMedianDelay() {
    JsonNode s = section("initiatives", "");
    assertThat(s.path("figures").path("declared").asLong()).isEqualTo(2);
    assertThat(s.path("figures").path("inProgress").asLong()).isEqualTo(1);
    assertThat(s.path("figures").path("opposed").asLong()).isEqualTo(1);
    assertThat(s.path("figures").path("medianDaysToGoAhead").asDouble()).isEqualTo(2.0);
    assertThat(rows(s, "goAhead")).contains("[\"EXPLICIT\",1]", "[\"TACIT\",0]", "[\"OPPOSED\",1]");
    // roads: 2 initiatives, 4 days used (the opposed one uses none), 3 agents x 10 days.
    assertThat(rows(s, "daysPerService")).anySatisfy(r -> assertThat(r).startsWith("[\"roads\",2,4,"));
    assertThat(section("initiatives", "&service=early-childhood").path("figures").path("declared").asLong()).isZero();
  }

  @Test
  void reassignmentsShowWhoWentWhereDaysConstraintsReturnsAndSkills() {
    JsonNode s = section("mobility", "");
    assertThat(s.path("figures").path("agentsReassigned").asLong()).isEqualTo(1);
    assertThat(s.path("figures").path("volunteerDaysUsed").asLong()).isEqualTo(missionDays);
    assertThat(s.path("figures").path("constraintsNotRespected").asLong()).isEqualTo(1);
    assertThat(s.path("figures").path("returnsOnTime").asLong()).isEqualTo(1);
    assertThat(rows(s, "perService")).contains("[\"early-childhood\",1,0,0]", "[\"roads\",0,1," + missionDays + "]");
    assertThat(rows(s, "skillsGained")).anySatisfy(r -> assertThat(r).contains("chloe", "=Driving a salt spreader"));
    assertThat(section("mobility", "&service=social-action").path("figures").path("agentsReassigned").asLong()).isZero();
  }

  @Test
  void takeoversShowThePlanEndingSoonInRedWithAgentsAndBeneficiaries() {
    JsonNode s = section("takeovers", "");
    assertThat(rows(s, "active")).anySatisfy(r -> assertThat(r).contains("Les Restos du Quartier")
        .contains(",5,true]"));
    assertThat(rows(s, "agentsPerService")).contains("[\"roads\",1,1]", "[\"early-childhood\",1,1]");
    assertThat(s.path("figures").path("beneficiariesServed").asLong()).isEqualTo(97);
  }

  @Test
  void workloadCountsTasksPerServiceAndGroupWithoutNamingResidents() {
    JsonNode before = section("workload", "&service=roads");
    ProcessInstance declared = startAs("alice", InitiativeProcess.KEY, declaration(1));
    JsonNode after = section("workload", "&service=roads");

    // marc (roads) has one more review to do; the innovation unit one more consultation to pick up.
    assertThat(openTasks(after, "services", "roads")).isEqualTo(openTasks(before, "services", "roads") + 1);
    JsonNode all = section("workload", "");
    assertThat(openTasks(all, "groups", "innovation-unit")).isPositive();
    assertThat(rows(after, "services")).hasSize(1);
    assertThat(all.toString()).doesNotContain("Jeanne").doesNotContain("01 99 00");
    runtimeService.deleteProcessInstance(declared.getId(), "test data");
  }

  private static long openTasks(JsonNode section, String table, String key) {
    for (JsonNode row : section.path("tables").path(table).path("rows")) {
      if (row.get(0).asText().equals(key)) {
        return row.get(table.equals("services") ? 2 : 1).asLong();
      }
    }
    return 0;
  }

  @Test
  void anEmptyPeriodShowsZerosInEverySection() {
    for (String id : List.of("initiatives", "relays", "takeovers", "hotline", "mobility", "retex")) {
      Rest.Answer answer = rest("diane").get("/api/dashboard/" + id + "?from=2150-01-01&to=2150-12-31");
      assertThat(answer.status()).as(id).isEqualTo(200);
      assertThat(answer.json().path("title").asText()).as(id).isNotBlank();
    }
    JsonNode hotline = rest("hugo").get("/api/dashboard/hotline?from=2150-01-01&to=2150-12-31").json();
    assertThat(hotline.path("figures").path("calls").asLong()).isZero();
    assertThat(hotline.path("figures").path("reachRatePercent").isNumber()).as("no rate without calls").isFalse();
    assertThat(rest("hugo").get("/api/dashboard/relays?from=2150-01-01&to=2150-12-31").json()
        .path("figures").path("relays").asLong()).isZero();
  }

  @Test
  void callsCountInTheWeekOfTheirDayInTheAdministrationsZone() {
    LocalDate first = LocalDate.of(YEAR + 1, 6, 1);
    String campaign = "dashboard-test-" + YEAR;
    // the first day at 00:30 and the seventh at 23:30 (administration's time) are in the first week,
    // the eighth at 00:10 in the second; the evening before the period does not count
    call(campaign, first.atTime(0, 30), true, true);
    call(campaign, first.plusDays(6).atTime(23, 30), false, false);
    call(campaign, first.plusDays(7).atTime(0, 10), true, false);
    call(campaign, first.minusDays(1).atTime(23, 50), true, true);

    JsonNode hotline = rest("hugo").get("/api/dashboard/hotline?from=" + first + "&to=" + first.plusDays(13)).json();
    assertThat(hotline.path("figures").path("calls").asLong()).isEqualTo(3);
    assertThat(hotline.path("figures").path("reachRatePercent").asDouble()).isEqualTo(66.7);
    assertThat(hotline.path("figures").path("difficultiesDetected").asLong()).isEqualTo(1);
    assertThat(hotline.path("tables").path("callsPerWeek").path("rows").toString())
        .isEqualTo("[[\"" + first + "\",2,1,1],[\"" + first.plusDays(7) + "\",1,1,0]]");
    jdbc.update("DELETE FROM call_log WHERE campaign_id = ?", campaign);
  }

  private void call(String campaign, java.time.LocalDateTime at, boolean reached, boolean difficulty) {
    jdbc.update("INSERT INTO call_log (id, campaign_id, person_id, caller, called_at, attempt, reached, wellbeing,"
        + " difficulty_detected, urgent, wishes_to_stop) VALUES (?, ?, ?, 'bruno', ?, 1, ?, NULL, ?, FALSE, FALSE)",
        java.util.UUID.randomUUID().toString(), campaign, java.util.UUID.randomUUID().toString(),
        java.sql.Timestamp.from(at.atZone(zone).toInstant()), reached, difficulty);
  }

  @Test
  void csvExportsAreAttachmentsAndNeverFormulas() {
    Rest.Answer csv = rest("hugo").get("/api/dashboard/mobility/skillsGained.csv?from=" + YEAR + "-01-01&to=" + YEAR
        + "-12-31");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("mobility-skillsGained-" + YEAR);
    assertThat(csv.body()).startsWith("agent,home service,mission ended,skills gained,would do it again\r\n")
        .contains("chloe,early-childhood,").contains(",'=Driving a salt spreader,true");
  }

  @Test
  void onlyHrAndDirectorsSeeTheDashboardAndBadFiltersAreExplained() {
    assertThat(rest("alice").get("/api/dashboard/initiatives").status()).isEqualTo(403);
    assertThat(rest("alice").get("/dashboard").status()).isEqualTo(403);
    assertThat(rest(null, null).get("/api/dashboard").status()).isEqualTo(401);
    assertThat(rest("hugo").get("/dashboard").status()).isEqualTo(200);
    Rest.Answer bad = rest("hugo").get("/api/dashboard/initiatives?from=2027-13-01&to=2026-01-01&service=nowhere");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.message()).contains("from: '2027-13-01' is not a date (yyyy-MM-dd)")
        .contains("service: 'nowhere' is not a service of the organisation");
    Rest.Answer reversed = rest("hugo").get("/api/dashboard/initiatives?from=2027-02-01&to=2027-01-01");
    assertThat(reversed.message()).isEqualTo("from: must not be after to");
    assertThat(rest("hugo").get("/api/dashboard/salaries").status()).isEqualTo(404);
  }
}
