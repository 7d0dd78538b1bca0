package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A component Mooring depends on goes away in the middle of a deployment and comes back: the
 * deployment still ends exactly once, with nothing lost, and meanwhile callers get clear answers.
 */
class ComponentOutageTest extends RealMooringTest {

  @Test
  void aDeploymentCompletesAcrossARestartOfTheTemporalServer() throws Exception {
    runningVersion("e2e-web", "1.1.0");
    String id = startSlowDeployment("1.2.0");

    components("restart-temporal");

    JsonNode finished = awaitEnd(id);
    assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("successful");
    assertRunsExactly("e2e-web", replicas("e2e-web").stream().map(c -> c.name()).sorted().toList(), "1.2.0");
    assertThat(logOf(finished)).doesNotHaveDuplicates().contains("[regression] PASS: the service answers version 1.2.0");
  }

  @Test
  void aDeploymentWaitsOutADatabaseOutageAndTheApiAnswers503Meanwhile() throws Exception {
    runningVersion("e2e-web", "1.1.0");
    String id = startSlowDeployment("1.2.0");

    components("stop-postgres");
    try {
      Reply during = http.get("/service-deployment/" + id);
      assertThat(during.status()).as(during.toString()).isEqualTo(503);
      assertThat(during.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(during.json().get("code").asString()).isEqualTo("database-unavailable");
      // Long enough for the regression tests to end while the database is still away.
      Thread.sleep(Duration.ofSeconds(20).toMillis());
    } finally {
      components("start-postgres");
    }

    JsonNode finished = awaitEnd(id);
    assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("successful");
    List<String> log = logOf(finished);
    assertThat(log).doesNotHaveDuplicates()
        .contains("[regression] PASS: the service answers version 1.2.0", "Regression tests passed")
        .anyMatch(l -> l.startsWith("Removed [e2e-web-"));
    assertThat(http.get("/service-image-tag/e2e-web").body()).isEqualTo("{\"tag\":\"1.2.0\"}");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void aRolloutRidesOutARestartOfTheDockerDaemon() throws Exception {
    runningVersion("e2e-web", "1.1.0");
    // Each replica of this tag needs 3 s to become healthy: the restart lands in the middle of replica 2.
    Reply accepted = http.put("/service-image-tag/e2e-web", "{\"tag\": \"1.3.0-slow-start\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = idOf(accepted);
    await().atMost(DEPLOYMENT).pollInterval(Duration.ofMillis(50))
        .until(() -> logOf(id).stream().anyMatch(l -> l.startsWith("Started replica 2 of 3")));

    components("restart-docker");

    JsonNode finished = awaitEnd(id);
    assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("successful");
    assertThat(replicas("e2e-web")).hasSize(3);
    assertRunsExactly("e2e-web", replicas("e2e-web").stream().map(c -> c.name()).sorted().toList(), "1.3.0-slow-start");
    List<String> log = logOf(finished);
    assertThat(log).doesNotHaveDuplicates()
        .anyMatch(l -> l.startsWith("Replica 2 of 3") && l.contains("is healthy"))
        .anyMatch(l -> l.startsWith("Replica 3 of 3") && l.contains("is healthy"))
        .contains("[regression] PASS: the service answers version 1.3.0-slow-start");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  /** A deployment whose regression tests take 15 s: long enough to pull something out from under it. */
  private String startSlowDeployment(String tag) {
    Reply accepted = http.put("/service-image-tag/e2e-web",
        "{\"tag\": \"" + tag + "\", \"regression_test_version\": \"1.0.2-slow\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = idOf(accepted);
    await().atMost(DEPLOYMENT).until(() -> "testing".equals(http.get("/service-deployment/" + id).json().get("phase").asString()));
    return id;
  }

  private static void components(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "../.ci/components.sh", command).inheritIO().start();
    assertThat(process.waitFor()).as("components.sh " + command).isZero();
  }
}
