package fr.reflexespublics.browser;

import static fr.reflexespublics.mobility.MobilityProcess.*;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.reflexespublics.mobility.VolunteerPool;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Micro-mobility in Tasklist: a manager asks for reinforcement, HR picks a volunteer, the agent
 * accepts, the agent's manager releases, the mission runs (timers moved forward through the Java
 * API) and the agent comes back with a debrief.
 */
class MicroMobilityBrowserTest extends BrowserTest {

  @Autowired VolunteerPool pool;

  @Test
  void aVolunteerIsSentToRoadsAndComesBack() {
    // agents join the pool through /api/volunteer-pool; a far year keeps the yearly quota whole
    pool.register(new VolunteerPool.Registration("chloe", List.of("driving", "phone"), List.of("crisis"), false, 15));
    LocalDate start = LocalDate.of(2200 + (int) (System.nanoTime() % 600), 3, 1);
    String mission = "Winter salting of the bridges " + System.nanoTime();

    TasklistPage marc = tasklist("mobility").login("marc");
    marc.openStartDialog("Professional micro-mobility")
        .type("Mission", mission)
        .type("Receiving service", "roads")
        .type("Skills wanted", "driving, logistics")
        .date("From", start)
        .date("To", start.minusDays(3))
        .type("Agents needed", 1)
        .type("Tutor", "alice");
    marc.submitStart();
    // an end before the start: refused by the server
    assertThat(marc.notificationContaining("before the start date")).contains("endDate: must not be before the start date");
    marc.showcase("request-refused", "mobility-request-refused");
    marc.date("To", start.plusDays(9)).startAndConfirm();
    marc.logout();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(MISSION, mission).singleResult();
    assertThat(instance).isWaitingAt(TASK_SELECT_AGENTS);

    TasklistPage hugo = tasklist("mobility-hr").login("hugo");
    hugo.filter(MY_GROUP_TASKS).openTask("Select volunteer agents").claim()
        .type("Selected agents", "chloe").showcase("select", "mobility-select").completeAndConfirm();
    hugo.logout();
    executeJobs(instance.getId());

    TasklistPage chloe = tasklist("mobility-agent").login("chloe");
    chloe.filter(MY_TASKS).openTask("Accept or decline a mission")
        .radio("Your answer", "I accept the mission").shot("accept").completeAndConfirm();
    chloe.logout();
    executeJobs(instance.getId());

    TasklistPage nadia = tasklist("mobility-manager").login("nadia");
    nadia.filter(MY_TASKS).openTask("Release an agent for a mission")
        .radio("Your answer", "I release the agent").shot("release").completeAndConfirm();
    nadia.logout();
    executeJobs(instance.getId());

    // mid-mission, then the end: timers moved forward through the Java API
    fireTimer(instance.getId(), TIMER_MID_MISSION);
    chloe = tasklist("mobility-check-in").login("chloe");
    chloe.filter(MY_TASKS).openTask("Say how the mission is going")
        .check("It is going well").check("My constraints are respected").type("Comment", "Great crew")
        .shot("check-in").completeAndConfirm();
    chloe.logout();
    fireTimer(instance.getId(), TIMER_MISSION_END);
    executeJobs(instance.getId());

    nadia = tasklist("mobility-return").login("nadia");
    nadia.filter(MY_TASKS).openTask("Prepare an agent's return")
        .type("Return notes", "Back on Monday, desk ready").shot("return").completeAndConfirm();
    nadia.logout();
    executeJobs(instance.getId());

    chloe = tasklist("mobility-debrief").login("chloe");
    chloe.filter(MY_TASKS).openTask("Debrief your mission")
        .type("Skills gained", "Driving a salt spreader").check("I would do it again")
        .shot("debrief").completeAndConfirm();
    chloe.logout();
    executeJobs(instance.getId());

    assertThat(instance).isEnded().hasPassed(END_RETURNED);
    // what Tasklist submitted is in the assignment's record, not in the engine's variables
    assertThat(jdbc.queryForMap("""
        SELECT a.going_well, a.check_in_comment, a.return_notes, a.skills_gained FROM mission_assignment a
          JOIN reinforcement_request r ON r.id = a.request_id WHERE r.process_instance_id = ?""", instance.getId()))
        .containsEntry("GOING_WELL", true).containsEntry("CHECK_IN_COMMENT", "Great crew")
        .containsEntry("RETURN_NOTES", "Back on Monday, desk ready").containsEntry("SKILLS_GAINED", "Driving a salt spreader");
    assertNeverStored(instance.getId(), SELECTED_AGENTS, COMMENT, RETURN_NOTES, SKILLS_GAINED);
  }
}
