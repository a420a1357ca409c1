package fr.reflexespublics.browser;

import static fr.reflexespublics.initiative.InitiativeProcess.*;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The initiative's main path in Tasklist: declared, not opposed, consulted, reported, closed. */
class InitiativeBrowserTest extends BrowserTest {

  @Test
  void anAgentDeclaresAnInitiativeThatGoesAheadAndIsClosedAfterItsReport() {
    // a year no other test books, so that the quota is whole
    LocalDate start = today().plusYears(3).withDayOfYear(20);
    String title = "Street repair kit " + System.nanoTime();

    TasklistPage alice = tasklist("initiative").login("alice");
    alice.openStartDialog("Initiative without prior permission")
        .type("Title", title)
        .type("Public-interest purpose", "Fill potholes the same day residents report them")
        .type("Description", "A kit in each road van so that crews fix small holes on their way")
        .type("Requested days", 11)
        .date("Planned start", start)
        .shot("declare");
    alice.submitStart();
    // above the yearly quota: the server refuses and says how many days are left
    assertThat(alice.notificationContaining("initiative day(s) left")).contains("requestedDays", "10 initiative day(s) left");
    alice.showcase("declare-refused", "initiative-declaration-refused");
    assertThat(alice.startDialogOpen()).isTrue();
    alice.type("Requested days", 4).startAndConfirm();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(TITLE, title).singleResult();
    assertThat(instance).isNotNull();
    alice.logout();
    executeJobs(instance.getId());

    TasklistPage marc = tasklist("initiative-manager").login("marc");
    marc.filter(MY_TASKS).openTask("Oppose or let the initiative go ahead")
        .radio("Your decision", "No opposition: the agent may go ahead").showcase("review", "initiative-manager-review").completeAndConfirm();
    marc.logout();
    executeJobs(instance.getId());

    TasklistPage ines = tasklist("initiative-unit").login("ines");
    ines.filter(MY_GROUP_TASKS).openTask("Consult on the initiative").showcase("group-task", "tasklist-group-task").claim()
        .radio("Support offered", "Coaching").type("Constraints", "A storage room in each depot").shot("consult")
        .completeAndConfirm();
    ines.logout();
    executeJobs(instance.getId()); // mails, as the job executor would
    assertThat(instance).isWaitingAt(TASK_REPORT_ON_INITIATIVE);

    // the report reminder (days before the due date) is a timer: moved forward through the Java API
    fireTimer(instance.getId(), TIMER_REPORT_REMINDER);

    alice = tasklist("initiative-report").login("alice");
    alice.filter(MY_TASKS).openTask("Report on the initiative")
        .type("Days actually used", 5).type("Outcome", "37 holes filled within the day, residents thanked the crews");
    alice.submitTask();
    // more days than granted: refused by the server, the task stays open with what was typed
    assertThat(alice.notificationContaining("day(s) granted")).contains("daysUsed: at most the 4 day(s) granted");
    alice.showcase("report-refused", "initiative-report-refused");
    assertThat(instance).isWaitingAt(TASK_REPORT_ON_INITIATIVE);
    alice.type("Days actually used", 4).shot("report").completeAndConfirm();
    alice.logout();
    executeJobs(instance.getId());

    String lessons = "Worth it; each depot first needs its storage";
    ines = tasklist("initiative-assess").login("ines");
    ines.filter(MY_GROUP_TASKS).openTask("Assess the initiative").claim()
        .radio("Assessment", "Close it").type("Lessons learned", lessons)
        .shot("assess").completeAndConfirm();
    ines.logout();
    executeJobs(instance.getId());
    assertThat(instance).isEnded();
    // submitted through Tasklist: recorded in the initiative's row, never stored by the engine
    assertThat(jdbc.queryForMap("""
        SELECT consultation_constraints, outcome, days_used, lessons_learned FROM initiative
         WHERE process_instance_id = ?""", instance.getId()))
        .containsEntry("CONSULTATION_CONSTRAINTS", "A storage room in each depot")
        .containsEntry("OUTCOME", "37 holes filled within the day, residents thanked the crews")
        .containsEntry("DAYS_USED", 4).containsEntry("LESSONS_LEARNED", lessons);
    assertNeverStored(instance.getId(), CONSTRAINTS, NOTES, LESSONS_LEARNED);
  }
}
