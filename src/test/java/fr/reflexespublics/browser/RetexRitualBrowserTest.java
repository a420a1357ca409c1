package fr.reflexespublics.browser;

import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_TASKS;
import static fr.reflexespublics.retex.RetexProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import fr.reflexespublics.retex.RetexService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retex ritual in Tasklist: launched by the innovation unit, announced by internal communication,
 * a testimony with a dissent, a workshop that answers it, an owned action, results published,
 * and the review of the action months later.
 */
class RetexRitualBrowserTest extends BrowserTest {

  @Autowired RetexService retexService;

  @Test
  void testimoniesBecomeLessonsAndAnOwnedAction() {
    String title = "Retex of the second lockdown " + System.nanoTime();

    TasklistPage ines = tasklist("retex").login("ines");
    ines.openStartDialog("Retex ritual")
        .type("Title", title)
        .type("Crisis phase", "End of the second lockdown")
        .type("Scope", "Roads")
        .type("Participants: users", "alice, ghost")
        .date("Testimony deadline", today().plusDays(10));
    ines.submitStart();
    // a participant who is not a user: refused by the server
    assertThat(ines.notificationContaining("is not a user")).contains("participants: 'ghost' is not a user");
    ines.shot("launch-refused");
    assertThat(ines.startDialogOpen()).isTrue();
    ines.type("Participants: users", "alice").showcase("launch", "retex-launch").startAndConfirm();
    ines.logout();
    ProcessInstance retex = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(RETEX_TITLE, title).singleResult();
    assertThat(retex).isWaitingAt(TASK_ANNOUNCE);
    // submitted through Tasklist's start form: the participants and the scope reached the record only
    assertThat(jdbc.queryForList("SELECT p.user_id FROM retex_participant p JOIN retex r ON r.id = p.retex_id"
        + " WHERE r.process_instance_id = ?", String.class, retex.getId())).containsExactly("alice");
    assertNeverStored(retex.getId(), SCOPE, PARTICIPANT_GROUP, PARTICIPANTS);

    TasklistPage colin = tasklist("retex-communication").login("colin");
    colin.filter(MY_GROUP_TASKS).openTask("Announce the change of state").claim()
        .type("What changes", "Teams come back on site two days a week")
        .type("What stays", "The crisis cell meets every Monday")
        .type("The next stage", "A review in March, before the spring")
        .shot("announce").completeAndConfirm();
    colin.logout();
    executeJobs(retex.getId());

    TasklistPage alice = tasklist("retex-participant").login("alice");
    alice.filter(MY_TASKS).openTask("Give your testimony")
        .type("What worked", "The crisis cell answered within the day")
        .type("Do you disagree", "Decisions came too late for the road crews")
        .type("How are you", 4)
        .showcase("testimony", "retex-testimony").completeAndConfirm();
    alice.logout();
    executeJobs(retex.getId());
    if (taskService.createTaskQuery().processInstanceId(retex.getId()).taskDefinitionKey(TASK_FACILITATE_WORKSHOP).count() == 0) {
      // the testimony deadline is a timer: moved forward through the Java API
      fireTimer(retex.getId(), TIMER_TESTIMONY_DEADLINE);
    }
    assertThat(retex).isWaitingAt(TASK_FACILITATE_WORKSHOP);

    ines = tasklist("retex-workshop").login("ines");
    ines.filter(MY_GROUP_TASKS).openTask("Facilitate the retex workshop").claim()
        .type("Answer", "Taken up: lesson 'Decide earlier for the road crews'")
        .removeListItem("Lessons", 1)
        .submitTask();
    // no lesson drawn: refused by the server, the task stays open with what was typed
    assertThat(ines.notificationContaining("draw at least one lesson")).contains("lessons: draw at least one lesson");
    ines.shot("workshop-refused");
    assertThat(retex).isWaitingAt(TASK_FACILITATE_WORKSHOP);
    ines.dismissNotifications();
    ines.addListItem("Lessons").type("Lesson", "Decide earlier for the road crews")
        .showcase("workshop", "retex-workshop").completeAndConfirm();
    ines.logout();
    executeJobs(retex.getId());
    String retexId = (String) runtimeService.getVariable(retex.getId(), RETEX_ID);
    assertThat(retexService.results(retexId).orElseThrow().dissents())
        .extracting(RetexService.Dissent::dissent, RetexService.Dissent::answer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Decisions came too late for the road crews",
            "Taken up: lesson 'Decide earlier for the road crews'"));

    ines = tasklist("retex-action").login("ines");
    ines.filter(MY_GROUP_TASKS).openTask("Turn a lesson into an owned action").claim()
        .type("Owner", "marc").type("Action", "Write the 48-hour decision rule down")
        .date("Due", today().plusMonths(2)).type("Administration plan item", "Administration plan 2027, axis 3")
        .showcase("commit-action", "retex-action").completeAndConfirm();
    ines.logout();
    executeJobs(retex.getId());

    // results published; the ritual now waits for the review of the actions
    assertThat(retex).isWaitingAt(TIMER_ACTION_REVIEW);
    assertThat(mailsTo("alice@example.org")).extracting(fr.reflexespublics.support.IntegrationTest::subject)
        .anyMatch(s -> s.startsWith("[Public Reflexes] Results"));

    // months later, the review of the actions (the delay is a timer, moved forward)
    fireTimer(retex.getId(), TIMER_ACTION_REVIEW);
    ines = tasklist("retex-review").login("ines");
    ines.filter(MY_GROUP_TASKS).openTask("Review the retex actions").claim()
        .select("Status", "Done")
        .showcase("review-actions", "retex-review-actions").completeAndConfirm();
    ines.logout();
    executeJobs(retex.getId());
    assertThat(retex).isEnded().hasPassed(END_FOLLOWED_UP);
    assertThat(retexService.actions(retexId)).extracting(RetexService.Action::status).containsExactly("DONE");
  }
}
