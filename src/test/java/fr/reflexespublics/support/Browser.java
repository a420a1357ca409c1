package fr.reflexespublics.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Selenium through /usr/bin/chromedriver (installed by
 * scripts/ensure-chromium; nothing is downloaded). Screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String baseUrl;
  private final WebDriverWait wait;

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US");
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Logs into a Camunda webapp through its login page. */
  public void loginToWebapp(String app, String user, String password) {
    open("/camunda/app/" + app + "/");
    // On a cold start the login view may take the focus back to the user name while the password
    // is typed: check what the fields hold before submitting, and type again if needed.
    for (int attempt = 0; attempt < 5; attempt++) {
      WebElement name = waitFor(By.cssSelector("input[ng-model='username']"));
      name.clear();
      name.sendKeys(user);
      WebElement secret = driver.findElement(By.cssSelector("input[ng-model='password']"));
      secret.clear();
      secret.sendKeys(password);
      if (user.equals(name.getAttribute("value")) && password.equals(secret.getAttribute("value"))) {
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        return;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Could not fill the login form of " + app);
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A screenshot worth showing in the docs: in target/screenshots/ as {@code name}, and, when the
   * tests run with -Dscreenshots.docs=DIR (scripts/screenshots), also as DIR/docName.png.
   */
  public Path showcase(String name, String docName) {
    Path shot = screenshot(name);
    String docs = System.getProperty("screenshots.docs");
    if (docs != null && !docs.isBlank()) {
      try {
        Path dir = Path.of(docs);
        Files.createDirectories(dir);
        Files.copy(shot, dir.resolve(docName + ".png"), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return shot;
  }

  /** The browser's console since the last call (errors of the web application, say). */
  public String consoleLog() {
    StringBuilder text = new StringBuilder();
    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
        .forEach(entry -> text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
    return text.toString();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
