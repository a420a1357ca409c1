package fr.reflexespublics.browser;

import static fr.reflexespublics.hotline.FollowUpProcess.*;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.reflexespublics.hotline.CampaignProcess;
import fr.reflexespublics.hotline.RegisterService;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reverse hotline in Tasklist: the coordinator launches a campaign on a register, a caller calls a
 * resident and reports a difficulty, the orientator routes it and confirms it was handled.
 */
class ReverseHotlineBrowserTest extends BrowserTest {

  @Autowired RegisterService register;

  @Test
  void aCallRevealsADifficultyThatIsRoutedAndHandled() {
    // the register is imported by CSV through /api; one consenting resident here
    String registerName = "heat-wave-register-" + System.nanoTime();
    register.add("Resident", "Browser", "01 99 02 00 01", "Riverside", "75-84", "SIMPLE", LocalDate.of(2026, 6, 1),
        registerName);
    String campaignName = "Heat wave " + System.nanoTime();

    TasklistPage hugo = tasklist("hotline").login("hugo");
    hugo.openStartDialog("Reverse hotline campaign")
        .type("Campaign name", campaignName)
        .type("Days between two calls", 7)
        .date("End of the campaign", today().plusDays(30))
        .type("Source register", "no-such-register")
        .radio("Situations", "All")
        .select("Age band", "Any age");
    hugo.submitStart();
    // nobody to call in that register: refused by the server
    assertThat(hugo.notificationContaining("matches the selection"))
        .contains("sourceRegister: no consenting person of this register matches the selection");
    hugo.shot("campaign-refused");
    hugo.type("Source register", registerName).showcase("campaign", "hotline-campaign").startAndConfirm();
    hugo.logout();
    ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .variableValueEquals(CampaignProcess.CAMPAIGN_NAME, campaignName).singleResult();
    executeJobs(campaign.getId());
    executeBackgroundJobs(); // follow-ups start in batches
    String campaignId = (String) runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID);
    ProcessInstance followUp = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(CAMPAIGN_ID, campaignId).singleResult();
    Task call = task(followUp.getId(), TASK_CALL_PERSON);

    // the call goes to a caller by name or to the callers' group (decision table): the matching filter
    boolean byName = taskService.getIdentityLinksForTask(call.getId()).stream()
        .map(IdentityLink::getUserId).anyMatch("bruno"::equals);
    TasklistPage bruno = tasklist("hotline-caller").login("bruno");
    bruno.filter(byName ? MY_TASKS : MY_GROUP_TASKS).openTask("Call a resident to keep in touch");
    if (!byName) {
      bruno.claim();
    }
    bruno.check("I reached the person")
        .radio("How is the person?", "Fragile")
        .option("Needs", "Food")
        .check("A difficulty needs a service")
        .type("Describe the difficulty", "Fridge empty since Monday, no family nearby")
        .showcase("call", "hotline-call").completeAndConfirm();
    bruno.logout();
    executeJobs(followUp.getId());
    assertThat(followUp).isWaitingAt(TASK_ORIENT_REQUEST, TIMER_NEXT_CALL);

    TasklistPage olga = tasklist("hotline-orientator").login("olga");
    olga.filter(MY_GROUP_TASKS).openTask("Route a request to the right service").claim()
        .select("Service", "Municipal food bank (CCAS)")
        .type("Note for the service", "Please deliver a parcel this week")
        .shot("orient").completeAndConfirm();
    executeJobs(followUp.getId());
    olga.filter(MY_GROUP_TASKS).openTask("Confirm that the service handled the request").claim()
        .check("The service handled the request").type("Outcome", "Parcel delivered on Thursday")
        .shot("handled").completeAndConfirm();
    olga.logout();
    executeJobs(followUp.getId());

    assertThat(followUp).hasPassed(END_ORIENTATION_CLOSED).isWaitingAt(TIMER_NEXT_CALL);
  }
}
