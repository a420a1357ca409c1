package fr.reflexespublics.browser;

import fr.reflexespublics.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a user sees it: log in and out, start a process from the "Start process"
 * dialog, pick a filter, open, claim and complete a task, fill Camunda Forms (form-js) by label,
 * read notifications. Every step can leave a screenshot under target/screenshots/.
 */
public final class TasklistPage {

  private final Browser browser;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String prefix;
  private int step;

  public TasklistPage(Browser browser, String prefix) {
    this.browser = browser;
    this.driver = browser.driver();
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // Tasklist re-renders lists and removes notifications on its own: look again rather than fail
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    this.prefix = prefix;
    // a 1280x800 view, the size of the screenshots in the docs
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 943));
  }

  public WebDriver driver() {
    return driver;
  }

  // ---- session

  public TasklistPage login(String user) {
    browser.loginToWebapp("tasklist", user, "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter")));
    return this;
  }

  public TasklistPage logout() {
    click(By.cssSelector(".account > .dropdown-toggle, .account a.dropdown-toggle"));
    click(By.xpath("//a[normalize-space()='Log out']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    return this;
  }

  // ---- start a process

  public TasklistPage openStartDialog(String processName) {
    click(By.xpath("//a[contains(normalize-space(),'Start process')]"));
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal-dialog input[type='text'], .modal-dialog input[type='search']")));
    search.sendKeys(processName);
    click(By.xpath("//div[contains(@class,'modal-dialog')]//a[normalize-space()=" + lit(processName) + "]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog .fjs-form")));
    return this;
  }

  public boolean startDialogOpen() {
    return !driver.findElements(By.cssSelector(".modal-dialog .fjs-form")).isEmpty();
  }

  public void submitStart() {
    dismissNotifications();
    click(By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Start']"));
  }

  /** Starts and waits for the dialog to close (clicks again if the first click only took the focus). */
  public TasklistPage startAndConfirm() {
    By dialog = By.cssSelector(".modal-dialog");
    for (int attempt = 0; attempt < 3; attempt++) {
      submitStart();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(dialog));
        return this;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (driver.findElements(By.cssSelector(".notifications .alert-danger")).stream().anyMatch(WebElement::isDisplayed)) {
          throw new AssertionError("Tasklist refused the start form: "
              + driver.findElement(By.cssSelector(".modal-dialog .notifications")).getText());
        }
      }
    }
    throw new AssertionError("The start dialog is still open after three clicks on Start");
  }

  // ---- filters and tasks

  public TasklistPage filter(String name) {
    click(By.xpath("//*[@cam-tasklist-filters]//*[contains(@class,'task-filter')]//a[normalize-space(text()[1])=" + lit(name) + "]"));
    return this;
  }

  public TasklistPage openTask(String taskName) {
    By link = By.xpath("//section[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4//a[normalize-space()=" + lit(taskName) + "]");
    click(link);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[@cam-tasklist-task]//*[normalize-space()=" + lit(taskName) + "]")));
    return this;
  }

  public TasklistPage claim() {
    click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space()='Claim'] | //*[@cam-tasklist-task]//a[normalize-space()='Claim']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .fjs-form")));
    return this;
  }

  public TasklistPage waitForTaskForm() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .fjs-form")));
    return this;
  }

  public void submitTask() {
    dismissNotifications();
    click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space()='Complete']"));
  }

  /**
   * Completes the open task and waits until Tasklist has closed it. The first click may only take
   * the focus out of a field (form-js validates it and the layout moves): click again then.
   */
  public TasklistPage completeAndConfirm() {
    By form = By.cssSelector("[cam-tasklist-task] .fjs-form");
    for (int attempt = 0; attempt < 3; attempt++) {
      submitTask();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(form));
        return this;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (driver.findElements(By.cssSelector(".notifications .alert-danger")).stream().anyMatch(WebElement::isDisplayed)) {
          throw new AssertionError("Tasklist refused the form: "
              + driver.findElement(By.cssSelector(".notifications")).getText());
        }
      }
    }
    throw new AssertionError("The task form is still open after three clicks on Complete");
  }

  /**
   * The text of the notification that contains the fragment, once the user can see it: displayed,
   * scrolled into view and not covered by another element (a dialog's backdrop, say).
   */
  public String notificationContaining(String fragment) {
    By notes = By.xpath("//*[contains(@class,'notifications')]//*[contains(@class,'alert')]"
        + "[contains(normalize-space()," + lit(fragment) + ")]");
    WebElement note = wait.until(d -> d.findElements(notes).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("arguments[0].scrollIntoView({block:'center'})", note);
    Boolean visible = (Boolean) js.executeScript("""
        const r = arguments[0].getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && (arguments[0] === top || arguments[0].contains(top));""", note);
    if (!Boolean.TRUE.equals(visible)) {
      throw new AssertionError("The notification '" + fragment + "' is hidden behind another element");
    }
    return note.getText();
  }

  /**
   * Closes the notifications on the page, as a user would before going on. Tasklist also removes
   * them on its own after a while, so they are closed and checked in the page (a notification may
   * vanish between finding it and clicking it).
   */
  public void dismissNotifications() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("document.querySelectorAll('.notifications .alert .close')"
        + ".forEach(function (c) { if (c.offsetParent !== null) { c.click(); } });");
    wait.until(d -> Boolean.TRUE.equals(js.executeScript("return Array.from(document.querySelectorAll("
        + "'.notifications .alert')).every(function (a) { return a.offsetParent === null; });")));
  }

  // ---- forms (form-js), fields found by their label

  private WebElement field(String label) {
    // the field's own label comes first; options of radios and checklists have labels too
    By by = By.xpath("//div[contains(@class,'fjs-form-field')][./label[1][starts-with(normalize-space()," + lit(label) + ")]]");
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", field);
    return field;
  }

  public TasklistPage type(String label, Object value) {
    String text = String.valueOf(value);
    for (int attempt = 0; attempt < 3; attempt++) {
      WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text, Keys.TAB);
      settle();
      // form-js may render the form again once Tasklist has loaded the variables: type again then
      try {
        new WebDriverWait(driver, Duration.ofSeconds(1)).until(d ->
            text.equals(field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value")));
        return this;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        // retry
      }
    }
    throw new AssertionError("Could not type into " + label);
  }

  /** Adds an entry to a dynamic list ("Add new" under the list). */
  public TasklistPage addListItem(String listLabel) {
    jsClick(field(listLabel).findElement(By.cssSelector("button.fjs-repeat-render-add")));
    settle();
    return this;
  }

  /** Removes the n-th entry (from 1) of a dynamic list. */
  public TasklistPage removeListItem(String listLabel, int n) {
    jsClick(field(listLabel).findElement(By.cssSelector("button.fjs-repeat-row-remove[aria-label='Remove list item " + n + "']")));
    settle();
    return this;
  }

  public TasklistPage date(String label, LocalDate date) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-datetime-subsection')][./label[starts-with(normalize-space()," + lit(label) + ")]]//input")));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
    settle();
    return this;
  }

  public TasklistPage radio(String label, String option) {
    WebElement optionLabel = field(label).findElement(By.xpath(".//label[normalize-space()=" + lit(option) + "]"));
    jsClick(driver.findElement(By.id(optionLabel.getAttribute("for"))));
    return this;
  }

  public TasklistPage check(String label) {
    jsClick(field(label).findElement(By.cssSelector("input[type='checkbox']")));
    return this;
  }

  /** Ticks one option of a checklist. */
  public TasklistPage option(String label, String option) {
    WebElement optionLabel = field(label).findElement(By.xpath(".//label[normalize-space()=" + lit(option) + "]"));
    jsClick(driver.findElement(By.id(optionLabel.getAttribute("for"))));
    return this;
  }

  /** Picks an option of a select (its list opens on focus or on click). */
  public TasklistPage select(String label, String option) {
    By item = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + lit(option) + "]");
    for (int attempt = 0; attempt < 3; attempt++) {
      WebElement f = field(label);
      if (f.findElements(item).isEmpty()) {
        WebElement opener = f.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display, input"));
        // centred, so that Tasklist's footer does not cover the field near the bottom of the page
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", opener);
        opener.click();
      }
      try {
        WebElement found = new WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> field(label).findElement(item));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", found);
        found.click();
        settle();
        return this;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        // the click closed a list that the focus had opened: once more
      }
    }
    throw new AssertionError("Could not pick " + option + " in " + label);
  }

  // ---- screenshots and dumps

  /** A screenshot of this step in target/screenshots/. */
  public TasklistPage shot(String name) {
    browser.screenshot(prefix + "-" + String.format("%02d", ++step) + "-" + name);
    return this;
  }

  /**
   * A step worth showing in the docs: screenshot in target/screenshots/, and, when the suite runs
   * with -Dscreenshots.docs=DIR (scripts/screenshots), also written as DIR/docName.png.
   */
  public TasklistPage showcase(String name, String docName) {
    browser.showcase(prefix + "-" + String.format("%02d", ++step) + "-" + name, docName);
    return this;
  }

  public void dump(String name) {
    try {
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(Browser.SCREENSHOTS.resolve(prefix + "-" + name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * form-js debounces what is typed (300 ms) before it reaches the form's state; a field touched
   * before that would render the field again with its old value. Short pause, once per field.
   */
  private static void settle() {
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A string as an XPath literal (quotes of either kind). */
  private static String lit(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  private void jsClick(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
  }

  /**
   * Clicks like a user. A notification sliding in or the layout moving under load may cover the
   * element for a moment: look for it again and retry, then click it through the page's script.
   */
  private void click(By by) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
        return;
      } catch (org.openqa.selenium.ElementClickInterceptedException | org.openqa.selenium.StaleElementReferenceException e) {
        settle();
      }
    }
    jsClick(wait.until(ExpectedConditions.elementToBeClickable(by)));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }
}
