package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.Http.Reply;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The dashboard in Debian's headless Chromium against Mooring on the real components: a person logs
 * in with a token, finds a service, deploys a tag and watches its log to the end, cancels a
 * deployment, flicks auto-deploy, switches the gate, and logs out. Every page is screenshot, audited
 * by axe-core and read for console errors.
 */
class DashboardBrowserTest extends RealMooringTest {

  private static final String SERVICE = "e2e-dash";
  private static final String IDLE = "e2e-dash-idle";
  private static DashboardBrowser browser;
  private static String deployerToken;

  /** Started on the first test, once Mooring's port is known; one browser for the suite. */
  @BeforeEach
  void openBrowser() {
    if (browser == null) {
      browser = new DashboardBrowser("http://127.0.0.1:" + port);
    }
    if (deployerToken == null) {
      Reply created = http.post("/api-tokens", "{\"name\": \"e2e-dash-deployer\", \"role\": \"deployer\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      deployerToken = created.json().get("token").asString();
    }
    browser.logInWith(pipelineToken);
  }

  @AfterEach
  void gateStaysOnAndTheConsoleClean() {
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
    assertThat(browser.consoleErrors()).as("console errors during the test").isEmpty();
  }

  @AfterAll
  static void closeChromium() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void logsInFromTheKeyboardAndLogsOut() {
    browser.leave();
    browser.open("/ui/login");
    browser.check("login");
    // The token field has the focus: type, Enter, and the services page opens.
    browser.driver().switchTo().activeElement().sendKeys(pipelineToken, Keys.ENTER);
    browser.await("#services-table");
    assertThat(browser.path()).isEqualTo("/");
    browser.check("services");
    browser.find("#logout").click();
    browser.await("#token");
    assertThat(browser.text("main")).contains("You are logged out.");
    browser.open("/");
    browser.await("#token");
    assertThat(browser.path()).isEqualTo("/ui/login");
  }

  @Test
  void findsAServiceByTypingPartOfItsName() {
    browser.open("/");
    browser.await("#search").sendKeys("e2e-dash-id");
    browser.waiting(Duration.ofSeconds(10)).until(d -> serviceRows().equals(List.of(IDLE)));
    assertThat(browser.path()).isEqualTo("/?q=e2e-dash-id");
    browser.check("services-search");
  }

  @Test
  void deploysATagFromTheServicePageAndFollowsItsLogToSuccessful() {
    runningVersion(SERVICE, "1.0.0");
    browser.open("/ui/services/" + SERVICE);
    browser.await("#service-state");
    browser.check("service");
    String id = deployFromTheServicePage("1.1.0");
    String ended = browser.waiting(DEPLOYMENT).until(d -> browser.attribute("#log", "data-ended"));
    assertThat(ended).isEqualTo("successful");
    assertThat(browser.text("#log")).contains("1.1.0").contains("— successful");
    browser.waiting(Duration.ofSeconds(10)).until(d -> "successful".equals(browser.text("#status")));
    assertThat(browser.all("#cancel")).isEmpty();
    browser.check("deployment");
    assertThat(http.get("/service-image-tag/" + SERVICE).body()).contains("1.1.0");

    // The Temporal UI, where the page links, names the deployment and who asked in its list.
    assertThat(browser.find("a[href$='/workflows/deployment-" + id + "']").getAttribute("href"))
        .isEqualTo("http://localhost:8233/namespaces/default/workflows/deployment-" + id);
    WorkflowExecutionDescription workflow = temporal.newUntypedWorkflowStub("deployment-" + id).describe();
    assertThat(workflow.getStaticSummary()).isEqualTo("Deploy " + SERVICE + " 1.1.0 for e2e-pipeline");
    assertThat(workflow.getStaticDetails()).contains("**Asked by** e2e-pipeline (pipeline)");
  }

  @Test
  void cancelsADeploymentFromItsPage() {
    List<String> before = runningVersion(SERVICE, "1.1.0");
    browser.open("/ui/services/" + SERVICE);
    // Its regression tests take 15 s: time enough to cancel from the page whatever the machine's load.
    browser.await("#deploy-tests").sendKeys("1.0.2-slow");
    deployFromTheServicePage("1.2.0");
    browser.click("#cancel");
    String ended = browser.waiting(DEPLOYMENT).until(d -> browser.attribute("#log", "data-ended"));
    assertThat(ended).isEqualTo("failed");
    assertThat(browser.text("#log")).contains("Cancellation requested by e2e-pipeline");
    assertThat(browser.text("#problem")).isEmpty();
    assertRunsExactly(SERVICE, before, "1.1.0");
    browser.open("/ui/deployments?service=" + SERVICE);
    browser.await("#deployments-table");
    assertThat(browser.text("#deployments-table")).contains("1.2.0").contains("failed").contains(" UTC");
    browser.check("deployments");
  }

  @Test
  void startsAndStopsAServiceWithTheButtonsItsStateAllows() {
    browser.open("/ui/services/" + IDLE);
    browser.await("#service-state");
    if (!browser.all("#action-stop").isEmpty()) {
      browser.click("#action-stop");
      browser.waiting(DEPLOYMENT).until(d -> "Stopped".equals(browser.text("#service-state")));
    }
    assertThat(browser.all("#action-stop")).isEmpty();
    browser.click("#action-start");
    browser.waiting(DEPLOYMENT).until(d -> "Running".equals(browser.text("#service-state")));
    browser.waiting(Duration.ofSeconds(10)).until(d -> !browser.all("#containers tbody tr").isEmpty());
    assertThat(browser.all("#action-start")).isEmpty();
    browser.click("#action-stop");
    browser.waiting(DEPLOYMENT).until(d -> "Stopped".equals(browser.text("#service-state")));
    assertThat(browser.text("#actions")).contains("Service Start").contains("Service Stop");

    // The service's workflow, where its actions run one after the other, says whose it is.
    String uuid = http.get("/api/v1/service/?unique_name=" + IDLE).json().get("objects").get(0).get("uuid").asString();
    assertThat(temporal.newUntypedWorkflowStub("service-" + uuid).describe().getStaticSummary())
        .isEqualTo("Service " + IDLE + ": its lifecycle actions, one at a time");
  }

  @Test
  void flicksAutoDeployOnceHoweverOftenItIsClicked() {
    assertThat(http.post("/tags/" + IDLE, "{\"auto_deploy\": false}").status()).isEqualTo(200);
    browser.open("/?q=" + IDLE);
    assertThat(browser.await("#auto-" + IDLE).isSelected()).isFalse();
    // Three flicks within the debounce, the last from the keyboard: one request, with where the switch ended (on).
    browser.click("#auto-" + IDLE);
    browser.click("#auto-" + IDLE);
    browser.find("#auto-" + IDLE).sendKeys(Keys.SPACE);
    browser.waiting(Duration.ofSeconds(10)).until(d -> autoDeploy(IDLE));
    browser.waiting(Duration.ofSeconds(10)).until(d -> "Saved.".equals(browser.text("#notice")));
    browser.open("/?q=" + IDLE);
    assertThat(browser.await("#auto-" + IDLE).isSelected()).isTrue();
    browser.click("#auto-" + IDLE);
    browser.waiting(Duration.ofSeconds(10)).until(d -> !autoDeploy(IDLE));
  }

  @Test
  void switchesTheGateOffAsAdminAndIsRefusedAsDeployer() {
    browser.open("/ui/gate");
    browser.await("#gate-form");
    browser.check("gate");
    browser.find("#gate-enabled").click();
    browser.find("#gate-reason").sendKeys("Freeze for the browser test");
    browser.find("#gate-save").click();
    browser.waiting(Duration.ofSeconds(10)).until(d -> "disabled".equals(browser.text("#gate-state")));
    assertThat(browser.text("#gate-switched-by")).startsWith("Switched off by e2e-pipeline,").endsWith(" UTC");
    assertThat(browser.text("#gate-save-effect")).startsWith("Saving with the switch on enables deployments");
    Reply state = http.get("/service-deployments-state");
    assertThat(state.json().get("enabled").asBoolean()).isFalse();
    assertThat(state.json().get("message").asString()).isEqualTo("Freeze for the browser test");
    browser.find("#gate-enabled").click();
    browser.find("#gate-save").click();
    browser.waiting(Duration.ofSeconds(10)).until(d -> "enabled".equals(browser.text("#gate-state")));
    assertThat(browser.text("#gate-switched-by")).startsWith("Switched on by e2e-pipeline,");
    assertThat(browser.text("#gate-lock")).isEqualTo("free");

    browser.logInWith(deployerToken);
    browser.open("/ui/gate");
    browser.await("#gate-admins-only");
    assertThat(browser.all("#gate-form")).isEmpty();
    assertThat(browser.all("a[href='/ui/tokens']")).isEmpty();
    browser.check("gate-deployer");
    @SuppressWarnings("unchecked")
    Map<String, Object> refused = (Map<String, Object>) browser.asyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/service-deployments-state', {method: 'PUT', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json',
                      'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content},
            body: JSON.stringify({enabled: false})})
          .then(r => r.json().then(body => done({status: r.status, code: body.code})));
        """);
    assertThat(refused).containsEntry("status", 403L).containsEntry("code", "forbidden");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
    // The browser reports the refused request itself, and nothing else.
    assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
  }

  @Test
  void saysARunningDeploymentHoldsTheLockWhileTheSwitchStaysOn() {
    runningVersion(SERVICE, "1.1.0");
    browser.open("/ui/services/" + SERVICE);
    // Its regression tests take 15 s: the lock is held that long whatever the machine's load.
    browser.await("#deploy-tests").sendKeys("1.0.2-slow");
    String id = deployFromTheServicePage("1.2.0");
    browser.waiting(DEPLOYMENT).until(d -> {
      browser.open("/ui/gate");
      return !browser.all("#gate-holder").isEmpty();
    });
    assertThat(browser.text("#gate-state")).isEqualTo("enabled");
    assertThat(browser.find("#gate-enabled").isSelected()).as("the switch as the form would save it").isTrue();
    assertThat(browser.text("#gate-lock")).isEqualTo("held by deployment " + id + ", which is running");
    assertThat(browser.text("#gate-save-effect")).startsWith("The lock opens by itself when that deployment ends.");
    browser.check("gate-held");
    browser.click("#gate-holder");
    browser.await("#log");
    assertThat(browser.path()).isEqualTo("/ui/deployments/" + id);
    String ended = browser.waiting(DEPLOYMENT).until(d -> browser.attribute("#log", "data-ended"));
    assertThat(ended).isEqualTo("successful");
  }

  @Test
  void saysWhichContainersAreOldAndWhichNewWhileADeploymentRollsThemOver() {
    runningVersion(SERVICE, "1.2.0");
    // The new container answers its health path 3 s after it starts: both run that long.
    Reply accepted = http.put("/service-image-tag/" + SERVICE, "{\"tag\": \"1.3.0-slow-start\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String mixed = browser.waiting(DEPLOYMENT).until(d -> {
      browser.open("/?q=" + SERVICE);
      String containers = browser.text("tr[data-service='" + SERVICE + "'] td:nth-of-type(3)");
      return containers.contains("new") ? containers : null;
    });
    assertThat(mixed).isEqualTo("2 / 1: 1 old (1.2.0), 1 new (1.3.0-slow-start)");
    assertThat(awaitEnd(idOf(accepted)).get("status").asString()).isEqualTo("successful");
    browser.open("/?q=" + SERVICE);
    assertThat(browser.text("tr[data-service='" + SERVICE + "'] td:nth-of-type(3)")).isEqualTo("1 / 1");
    // No version older than the one that runs now is offered as its candidate.
    assertThat(browser.text("tr[data-service='" + SERVICE + "'] td:nth-of-type(4) code"))
        .isNotIn("1.0.0", "1.1.0", "1.2.0");
  }

  @Test
  void showsAdminsTheirTokensAndOffersRevokeOnlyWhereTheApiAllowsIt() {
    browser.open("/ui/tokens");
    browser.await("#token-form");
    assertThat(browser.text("main")).contains("e2e-pipeline").contains("e2e-dash-deployer");
    // Signed in with the pipeline token, the only admin token: the API would refuse its revocation.
    assertThat(browser.all("button[aria-label='Revoke e2e-pipeline']")).isEmpty();
    assertThat(browser.script("""
        return Array.from(document.querySelectorAll('table.tokens tbody tr'))
          .find(row => row.querySelector('th').textContent === 'e2e-pipeline').querySelector('.kept').textContent"""))
        .asString().as("why it cannot be revoked").startsWith("The ");
    assertThat(browser.all("button[aria-label='Revoke e2e-dash-deployer']")).hasSize(1);
    assertThat(browser.text("table.tokens tbody")).contains(" UTC");
    browser.check("tokens");
  }

  /** Types the tag into the service page's deploy form and sends it; the deployment's page opens. Its id. */
  private String deployFromTheServicePage(String tag) {
    browser.await("#deploy-tag").sendKeys(tag);
    browser.find("#deploy").click();
    browser.waiting(Duration.ofSeconds(15)).until(d -> browser.path().startsWith("/ui/deployments/"));
    browser.await("#log");
    return browser.path().substring("/ui/deployments/".length());
  }

  /** Read in one go: htmx may swap the table between two reads of its rows. */
  @SuppressWarnings("unchecked")
  private List<String> serviceRows() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('tr[data-service]')).map(row => row.dataset.service)");
  }

  private boolean autoDeploy(String service) {
    return http.get("/repos").json().get(service).get("auto_deploy").asBoolean();
  }
}
