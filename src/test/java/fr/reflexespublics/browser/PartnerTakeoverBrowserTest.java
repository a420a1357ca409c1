package fr.reflexespublics.browser;

import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.takeover.TakeoverProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Partner takeover in Tasklist: the partnership manager reports a failing partner, the director
 * approves within the framework, the plan is prepared, a weekly review says the partner can
 * resume, the action is handed back.
 */
class PartnerTakeoverBrowserTest extends BrowserTest {

  @Test
  void aFailingPartnersActionIsTakenOverThenHandedBack() {
    String action = "Saturday food parcels " + System.nanoTime();

    TasklistPage paula = tasklist("takeover").login("paula");
    paula.openStartDialog("Partner takeover plan")
        .type("Partner (association)", "Les Restos du Quartier")
        .type("Partner contact e-mail", "contact@restos-quartier.example.org")
        .type("Action", action)
        .select("Category of action", "Food aid")
        .type("Beneficiaries", 120)
        .select("Why the partner cannot go on", "Volunteer shortage")
        .check("The partner consents")
        .radio("Urgency", "Normal")
        .showcase("report", "takeover-report")
        .startAndConfirm();
    paula.logout();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(ACTION_NAME, action).singleResult();
    executeJobs(instance.getId());
    assertThat(instance).isWaitingAt(TASK_DECIDE_TAKEOVER);

    TasklistPage diane = tasklist("takeover-director").login("diane");
    diane.filter(MY_GROUP_TASKS).openTask("Decide on the takeover").claim()
        .radio("Decision", "Approve the takeover").type("Duration (days)", 61);
    diane.submitTask();
    // beyond the framework's maximum (a DMN decision): refused by the server, the task stays open
    assertThat(diane.notificationContaining("under the framework")).contains("durationDays: at most 60 days");
    diane.showcase("decide-refused", "takeover-decision-refused");
    assertThat(instance).isWaitingAt(TASK_DECIDE_TAKEOVER);
    diane.type("Duration (days)", 30).shot("decide").completeAndConfirm();
    diane.logout();
    executeJobs(instance.getId());

    paula = tasklist("takeover-plan").login("paula");
    paula.filter(MY_GROUP_TASKS).openTask("Prepare the takeover plan").claim()
        .type("Agents provided", "alice, bruno")
        .date("Start date", today().plusDays(1))
        .type("Resources", "Central kitchen fridges, one van")
        .type("Premises", "Former tax office, ground floor")
        .type("Hand-back criteria", "Twelve volunteers back and the hall reopened")
        .shot("plan").completeAndConfirm();
    executeJobs(instance.getId());
    assertThat(instance).isWaitingAt(EVENT_PARTNER_READY);

    // a week later: the review timer is moved forward through the Java API
    fireTimer(instance.getId(), START_REVIEW_DUE);
    paula.filter(MY_GROUP_TASKS).openTask("Review the week").claim()
        .type("Beneficiaries served this week", 90).type("Incidents", "One volunteer ill on Thursday")
        .check("The partner can resume")
        .shot("weekly-review").completeAndConfirm();
    executeJobs(instance.getId());
    paula.filter(MY_GROUP_TASKS).openTask("Hand the action back to the partner").claim()
        .check("Checklist complete").type("Notes", "Keys returned, stock counted with the partner")
        .shot("hand-back").completeAndConfirm();
    paula.logout();
    executeJobs(instance.getId());

    assertThat(instance).isEnded();
    // the hand-back as Tasklist submitted it: recorded with the plan, not kept by the engine
    assertThat(jdbc.queryForMap("SELECT hand_back_checklist_complete, hand_back_notes FROM takeover_plan WHERE id = ?",
        instance.getBusinessKey()))
        .containsEntry("HAND_BACK_CHECKLIST_COMPLETE", true)
        .containsEntry("HAND_BACK_NOTES", "Keys returned, stock counted with the partner");
    assertThat(jdbc.queryForList("SELECT incidents FROM takeover_review WHERE plan_id = ?", String.class,
        instance.getBusinessKey())).containsExactly("One volunteer ill on Thursday");
    assertNeverStored(instance.getId(), INCIDENTS, CHECKLIST_COMPLETE, NOTES);
  }
}
