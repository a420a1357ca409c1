package fr.reflexespublics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.organisation.TasklistFilterSeeder;
import fr.reflexespublics.support.Browser;
import fr.reflexespublics.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Tasklist comes up in a real browser with the demo logins and the shared filters. */
class TasklistSmokeTest extends IntegrationTest {

  @Test
  void anAgentLogsIntoTasklistAndSeesTheSharedFilters() {
    try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
      browser.loginToWebapp("tasklist", "alice", "demo");
      browser.waitForText(By.cssSelector("[cam-tasklist-filters]"), TasklistFilterSeeder.MY_TASKS);
      browser.waitForText(By.cssSelector("[cam-tasklist-filters]"), TasklistFilterSeeder.DUE_SOON);
      String filters = browser.driver().findElement(By.cssSelector("[cam-tasklist-filters]")).getText();
      browser.screenshot("tasklist-alice");

      assertThat(filters).contains(TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.MY_GROUP_TASKS,
          TasklistFilterSeeder.DUE_SOON);
      assertThat(browser.driver().getPageSource()).doesNotContain("unbound number of results");
    }
  }
}
