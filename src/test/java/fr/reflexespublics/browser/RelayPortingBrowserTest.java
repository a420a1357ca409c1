package fr.reflexespublics.browser;

import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_GROUP_TASKS;
import static fr.reflexespublics.organisation.TasklistFilterSeeder.MY_TASKS;
import static fr.reflexespublics.relay.RelayProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Relay porting in Tasklist: launched by the innovation unit, carried by Roads, adopted. */
class RelayPortingBrowserTest extends BrowserTest {

  @Test
  void theInnovationUnitHandsAPracticeOverToRoadsWhichAdoptsIt() {
    String title = "Mobile ashtrays " + System.nanoTime();

    TasklistPage ines = tasklist("relay").login("ines");
    ines.openStartDialog("Relay porting")
        .type("Title", title)
        .type("Description", "Mobile ashtrays designed with the agents of the city centre")
        .type("Initiators", "alice, nobody");
    ines.submitStart();
    // an initiator who is not a user: refused by the server, the dialog keeps what was typed
    assertThat(ines.notificationContaining("is not a user")).contains("initiators: 'nobody' is not a user");
    ines.showcase("launch-refused", "relay-launch-refused");
    assertThat(ines.startDialogOpen()).isTrue();
    ines.type("Initiators", "alice, bruno").startAndConfirm();
    ProcessInstance relay = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(TITLE, title).singleResult();
    assertThat(relay).isWaitingAt(TASK_IDENTIFY_FINAL_CARRIER);

    ines.filter(MY_GROUP_TASKS).openTask("Identify the final carrier").claim()
        .select("Department", "Roads").type("Head of the department", "marc")
        .type("Relay plan", "Two pilot streets, then the whole centre by June")
        .date("Relay deadline", today().plusMonths(4))
        .shot("identify").completeAndConfirm();
    ines.logout();
    executeJobs(relay.getId());

    TasklistPage marc = tasklist("relay-carrier").login("marc");
    marc.filter(MY_TASKS).openTask("Accept ownership of the practice")
        .radio("Ownership", "We accept ownership").shot("accept").completeAndConfirm();
    executeJobs(relay.getId());
    marc.filter(MY_TASKS).openTask("Confirm the adoption")
        .type("What changed", "Emptying the ashtrays is now in the street-cleaning rounds")
        .shot("adoption").completeAndConfirm();
    marc.logout();
    executeJobs(relay.getId());

    assertThat(relay).isEnded().hasPassed(END_ADOPTED);
  }
}
