package fr.reflexespublics.browser;

import fr.reflexespublics.support.Browser;
import fr.reflexespublics.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the Tasklist end-to-end tests: one headless browser per test, each step of a path
 * leaves a screenshot in target/screenshots/ (kept when a test fails).
 */
abstract class BrowserTest extends IntegrationTest {

  private Browser browser;

  /** Tasklist in this test's browser, as a fresh page object whose screenshots start with the prefix. */
  protected TasklistPage tasklist(String prefix) {
    if (browser == null) {
      browser = new Browser("http://127.0.0.1:" + port);
    }
    return new TasklistPage(browser, prefix);
  }

  /**
   * Tasklist as an agent finds it on a quiet day: instances left running by other test classes
   * (same database) are removed, so that the filters show this path's tasks only.
   */
  @BeforeEach
  void quietTasklist() {
    List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "browser test: a quiet Tasklist", true, true, true);
    }
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      new TasklistPage(browser, getClass().getSimpleName()).dump("last");
      browser.screenshot(getClass().getSimpleName() + "-last");
      try {
        java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve(getClass().getSimpleName() + "-console.log"),
            browser.consoleLog());
      } catch (java.io.IOException | RuntimeException e) {
        // the console is a help for diagnosis only
      }
      browser.close();
      browser = null;
    }
  }
}
