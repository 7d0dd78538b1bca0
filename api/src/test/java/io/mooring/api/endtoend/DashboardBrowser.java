package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: nothing is downloaded. Each
 * page it is asked to check is screenshot under {@code target/dashboard-screenshots/}, audited by
 * axe-core (from its WebJar) and its console read for errors.
 */
final class DashboardBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
  private static final String AXE_VERSION = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

  private final ChromeDriver driver;
  private final String root;
  private final Path profile;

  DashboardBrowser(String root) {
    this.root = root;
    try {
      this.profile = Files.createTempDirectory("mooring-chromium");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("MOORING_E2E_CHROMIUM", "/usr/bin/chromium"));
    // No background traffic: this machine's network is closed, and Chromium's own calls would be refused.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--window-size=1400,1000", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(executable("MOORING_E2E_CHROMEDRIVER", "/usr/bin/chromedriver")))
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  private static String executable(String variable, String debian) {
    String configured = System.getenv(variable);
    return configured == null || configured.isBlank() ? debian : configured;
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(root + path);
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.substring(root.length());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement await(String css) {
    return waiting(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** htmx replaces refreshed parts: an element found a moment ago may be gone, so waits look again. */
  WebDriverWait waiting(Duration atMost) {
    WebDriverWait wait = new WebDriverWait(driver, atMost, Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Clicks the element, found afresh if a refresh replaced it on the way. */
  void click(String css) {
    waiting(Duration.ofSeconds(15)).until(d -> {
      d.findElement(By.cssSelector(css)).click();
      return true;
    });
  }

  /** An element's text as shown, read in one step (null when there is none), so a refresh cannot come between. */
  String text(String css) {
    return (String) script("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null", css);
  }

  String attribute(String css, String name) {
    return (String) script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
        css, name);
  }

  Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  Object asyncScript(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeAsyncScript(code, arguments);
  }

  /** Logs in through the form; the page that opens has the logout button (a refused login would not). */
  void logInWith(String token) {
    leave();
    open("/ui/login");
    find("#token").sendKeys(token);
    find("#login").click();
    await("#logout");
  }

  /**
   * Leaves the current page for a blank one before the session's cookie goes, so no refresh of the
   * old page is refused on the way (the browser would log that), then forgets the session.
   */
  void leave() {
    driver.get("about:blank");
    assertThat(consoleErrors()).as("console errors of the page left").isEmpty();
    driver.manage().deleteAllCookies();
  }

  /** The page as it is now: screenshot, no serious or critical axe-core violation, no console error. */
  void check(String name) {
    screenshot(name);
    assertThat(violations()).as("axe-core's serious and critical violations on " + name).isEmpty();
    assertThat(consoleErrors()).as("console errors on " + name).isEmpty();
  }

  void screenshot(String name) {
    try {
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  List<String> violations() {
    if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined'"))) {
      script(axeSource());
    }
    List<Map<String, Object>> found = (List<Map<String, Object>>) asyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
          .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));
        """);
    return found.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
        .toList();
  }

  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** axe-core's script from its WebJar, whichever version the build brings. */
  private static String axeSource() {
    ClassLoader classes = DashboardBrowser.class.getClassLoader();
    try (InputStream properties = classes.getResourceAsStream(AXE_VERSION)) {
      assertThat(properties).as(AXE_VERSION + " on the test classpath").isNotNull();
      Properties webJar = new Properties();
      webJar.load(properties);
      String script = "META-INF/resources/webjars/axe-core/" + webJar.getProperty("version") + "/axe.min.js";
      try (InputStream in = classes.getResourceAsStream(script)) {
        assertThat(in).as(script).isNotNull();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // A profile left in the temporary directory harms nothing.
    }
  }
}
