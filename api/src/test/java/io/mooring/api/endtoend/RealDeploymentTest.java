package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.docker.ReplicaLabels;
import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deployments end to end on the real components: the scenarios a platform team lives through. */
class RealDeploymentTest extends RealMooringTest {

  @Test
  void deploysThreeReplicasThenRollsThemOverToTheNextVersion() {
    runningVersion("e2e-web", "1.1.0");

    JsonNode next = deployAndWait("e2e-web", "{\"tag\": \"1.2.0\"}");

    assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("successful");
    assertThat(replicas("e2e-web")).hasSize(3).allSatisfy(c -> {
      assertThat(c.running()).isTrue();
      assertThat(c.tag()).isEqualTo("1.2.0");
      assertThat(versionAt(c)).isEqualTo("1.2.0");
    });
    assertThat(http.get("/service-image-tag/e2e-web").body()).isEqualTo("{\"tag\":\"1.2.0\"}");
    assertThat(logOf(next)).contains("[regression] PASS: the service answers version 1.2.0")
        .anyMatch(l -> l.startsWith("Started replica 3 of 3"))
        .anyMatch(l -> l.startsWith("Stopped old replica 3"))
        .anyMatch(l -> l.startsWith("Removed [e2e-web-"));
  }

  @Test
  void aDeploymentCanBeFoundInTheTemporalUiByServiceTagAndStatus() {
    runningVersion("e2e-web", "1.1.0");
    JsonNode next = deployAndWait("e2e-web", "{\"tag\": \"1.2.0\"}");

    String workflowId = "deployment-" + next.get("deploymentId").asString();
    // The query an operator types into the Temporal UI's search box.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(temporal.listExecutions(
            "MooringService = 'e2e-web' AND MooringTag = '1.2.0' AND MooringStatus = 'successful'")
        .map(e -> e.getExecution().getWorkflowId()).toList()).contains(workflowId));
  }

  @Test
  void rollsBackARolloutThatNeverBecomesHealthy() {
    List<String> before = runningVersion("e2e-web", "1.1.0");

    JsonNode broken = deployAndWait("e2e-web", "{\"tag\": \"2.0.0-broken\"}");

    assertThat(broken.get("status").asString()).isEqualTo("failed");
    assertThat(broken.get("rolledBack").asBoolean()).isTrue();
    assertThat(broken.get("message").asString()).contains("did not become healthy within 6 s")
        .endsWith("Rolled back to 1.1.0.");
    assertRunsExactly("e2e-web", before, "1.1.0");
    assertThat(logOf(broken)).anyMatch(l -> l.startsWith("Rollback restarted previous container(s)"));
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void rollsBackWhenTheRegressionTestsFail() {
    List<String> before = runningVersion("e2e-web", "1.1.0");

    JsonNode failed = deployAndWait("e2e-web", "{\"tag\": \"1.2.0\", \"regression_test_version\": \"1.0.1-fail\"}");

    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.get("rolledBack").asBoolean()).isTrue();
    assertThat(failed.get("message").asString()).contains("Regression tests failed with exit code 1");
    assertThat(logOf(failed)).contains("[regression] FAIL: this test image always fails");
    assertRunsExactly("e2e-web", before, "1.1.0");
    assertThat(http.get("/service-image-tag/e2e-web").body()).isEqualTo("{\"tag\":\"1.1.0\"}");
  }

  @Test
  void rejectsAnUnreachableTagAndStoresNothing() {
    int history = http.get("/service-deployment?limit=500").json().size();

    Reply reply = http.put("/service-image-tag/e2e-web", "{\"tag\": \"9.9.9\"}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).isEqualTo(REAL.registry() + "/demo/web:9.9.9 is unreachable");
    assertThat(http.get("/service-deployment?limit=500").json().size()).isEqualTo(history);
  }

  @Test
  void rejectsDeploymentsWhileDisabled() {
    http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"Harmony release in progress\"}");

    Reply reply = http.put("/service-image-tag/e2e-web", "{\"tag\": \"1.2.0\"}");

    assertThat(reply.status()).isEqualTo(423);
    assertThat(reply.detail()).isEqualTo("Service deployment is disabled. Reason: Harmony release in progress.");
  }

  @Test
  void refusesASecondDeploymentWhileOneRunsAndCancelsTheFirstCleanly() {
    List<String> before = runningVersion("e2e-web", "1.1.0");
    Reply first = http.put("/service-image-tag/e2e-web", "{\"tag\": \"1.2.0\", \"regression_test_version\": \"1.0.2-slow\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    String statusLink = first.json().get("statusLink").asString();
    String id = statusLink.substring(statusLink.lastIndexOf('/') + 1);
    await().atMost(DEPLOYMENT).until(() -> "testing".equals(http.get("/service-deployment/" + id).json().get("phase").asString()));

    Reply second = http.put("/service-image-tag/e2e-auth", "{\"tag\": \"1.1.0\"}");
    assertThat(second.status()).isEqualTo(423);
    assertThat(second.detail()).isEqualTo("Service deployment is disabled. Reason: Locked for service deployment: "
        + statusLink + ".");
    JsonNode live = http.get("/service-deployment/" + id).json();
    assertThat(live.get("progress").get("phase").asString()).isEqualTo("testing");

    assertThat(http.post("/service-deployment/" + id + "/cancel", "").status()).isEqualTo(202);
    JsonNode cancelled = awaitEnd(id);

    assertThat(cancelled.get("status").asString()).isEqualTo("failed");
    assertThat(cancelled.get("rolledBack").asBoolean()).isTrue();
    assertThat(cancelled.get("message").asString()).contains("Deployment cancelled on request");
    assertThat(logOf(cancelled)).contains("Cancellation requested by e2e-pipeline");
    assertThat(cancelled.get("username").asString()).isEqualTo("e2e-pipeline");
    assertRunsExactly("e2e-web", before, "1.1.0");
    assertThat(docker.list(Map.of(ReplicaLabels.SERVICE, "e2e-web", ReplicaLabels.ROLE, "regression"))).isEmpty();
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  void deploysFromARegistryThatNeedsCredentials() {
    JsonNode deployed = deployAndWait("e2e-auth", "{\"tag\": \"1.1.0\"}");

    assertThat(deployed.get("status").asString()).as(deployed.toString()).isEqualTo("successful");
    assertThat(replicas("e2e-auth")).singleElement().satisfies(c -> assertThat(versionAt(c)).isEqualTo("1.1.0"));
  }

  @Test
  void queuedDeploymentsWaitTheirTurnAndRunOneAfterAnother() {
    runningVersion("e2e-web", "1.1.0");
    Reply first = http.put("/service-image-tag/e2e-web?queue=true",
        "{\"tag\": \"1.2.0\", \"regression_test_version\": \"1.0.2-slow\"}");
    Reply second = http.put("/service-image-tag/e2e-auth?queue=true", "{\"tag\": \"1.2.0\"}");
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    String secondId = idOf(second);

    JsonNode waiting = http.get("/service-deployment/" + secondId).json();
    assertThat(waiting.get("status").asString()).isEqualTo("running");
    assertThat(waiting.get("phase").asString()).isEqualTo("queued");
    assertThat(waiting.get("placeInLine").asInt()).isEqualTo(1);

    JsonNode firstDone = awaitEnd(idOf(first));
    JsonNode secondDone = awaitEnd(secondId);
    assertThat(firstDone.get("status").asString()).isEqualTo("successful");
    assertThat(secondDone.get("status").asString()).isEqualTo("successful");
    // No overlap: the second took the lock only after the first had removed its old containers,
    // the last thing it does before opening the gate.
    Instant firstCleanedUp = lineTime(firstDone, l -> l.startsWith("Removed [e2e-web-"));
    Instant secondTookLock = lineTime(secondDone, "Took the service deployment lock after waiting in line"::equals);
    assertThat(secondTookLock).isAfterOrEqualTo(firstCleanedUp);
  }

  /**
   * Secrets never leak: after the whole suite, nothing Mooring logged holds the registry password,
   * the pipeline token it deployed with, or an Authorization header. The bootstrap admin token is
   * printed exactly once, by design, when it is created.
   */
  @AfterAll
  static void loggedNoSecrets() throws IOException {
    String log = Files.readString(Path.of(LOG_FILE));
    assertThat(log).as("the log").isNotBlank();
    assertThat(log).doesNotContain(REAL.registryPassword());
    assertThat(log).doesNotContainIgnoringCase("Authorization:");
    if (pipelineToken != null) {
      assertThat(log).doesNotContain(pipelineToken);
    }
    String admin = Files.readString(DATA.resolve("admin-token")).strip();
    assertThat(log.split(java.util.regex.Pattern.quote(admin), -1)).hasSize(2);
  }

}
