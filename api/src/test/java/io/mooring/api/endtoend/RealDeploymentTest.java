package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.ReplicaLabels;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Deployments end to end on the real thing: the Docker Engine, an anonymous and an htpasswd
 * registry, PostgreSQL and the Temporal dev server, all started by {@code .ci/components.sh}, with
 * images built by {@code .ci/test-images.sh}. Every request goes to 127.0.0.1.
 */
@Tag("real")
// Logging is set up before dynamic properties arrive, so the log file is named here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.file.name=" + RealDeploymentTest.LOG_FILE)
class RealDeploymentTest {

  static final String LOG_FILE = "target/end-to-end-mooring.log";

  private static final RealComponents REAL = RealComponents.fromEnvironment();
  private static final Duration DEPLOYMENT = Duration.ofMinutes(2);
  private static final Path DATA = temporaryDirectory();
  /** The pipeline token the suite deploys with; created once through the API by the bootstrap admin. */
  private static String pipelineToken;

  @LocalServerPort int port;
  @Autowired ContainerRuntime docker;
  private Http http;
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @DynamicPropertySource
  static void realMode(DynamicPropertyRegistry properties) throws IOException {
    Path data = DATA;
    Path services = data.resolve("services.yml");
    Files.writeString(services, """
        services:
          - name: e2e-web
            repository: %1$s/demo/web
            tag: 1.0.0
            replicas: 3
            port: 28080
            health-path: /health
            regression-image: %1$s/demo/web-tests
          - name: e2e-auth
            repository: %2$s/demo/web
            tag: 1.0.0
            replicas: 1
            port: 28180
            health-path: /health
            regression-image: %2$s/demo/web-tests
            credentials: ci
        """.formatted(REAL.registry(), REAL.authRegistry()));
    properties.add("mooring.data-dir", data::toString);
    properties.add("mooring.services-file", services::toString);
    properties.add("mooring.runtime.docker-host", REAL::dockerHost);
    properties.add("mooring.runtime.health-timeout", () -> "6s");
    properties.add("mooring.registry.credentials.ci.username", REAL::registryUser);
    properties.add("mooring.registry.credentials.ci.password", REAL::registryPassword);
    properties.add("spring.datasource.url", REAL::freshDatabase);
    properties.add("spring.datasource.username", () -> "mooring");
    properties.add("spring.datasource.password", () -> "mooring");
    properties.add("spring.temporal.test-server.enabled", () -> "false");
    properties.add("spring.temporal.connection.target", REAL::temporal);
  }

  @BeforeEach
  void startClean() throws IOException {
    Http admin = new Http("http://127.0.0.1:" + port, null).bearer(Files.readString(DATA.resolve("admin-token")).strip());
    if (pipelineToken == null) {
      Reply created = admin.post("/api-tokens", "{\"name\": \"e2e-pipeline\", \"role\": \"admin\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      pipelineToken = created.json().get("token").asString();
    }
    http = admin.bearer(pipelineToken);
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
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

  private static Path temporaryDirectory() {
    try {
      Files.deleteIfExists(Path.of(LOG_FILE));
      return Files.createTempDirectory("mooring-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void deploysThreeReplicasThenRollsThemOverToTheNextVersion() {
    runningVersion("e2e-web", "1.1.0");

    JsonNode next = deployAndWait("e2e-web", "{\"tag\": \"1.2.0\"}");

    assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("successful");
    assertThat(replicas("e2e-web")).hasSize(3).allSatisfy(c -> {
      assertThat(c.running()).isTrue();
      assertThat(c.labels()).containsEntry(ReplicaLabels.TAG, "1.2.0");
      assertThat(versionAt(c)).isEqualTo("1.2.0");
    });
    assertThat(http.get("/service-image-tag/e2e-web").body()).isEqualTo("{\"tag\":\"1.2.0\"}");
    assertThat(logOf(next)).contains("[regression] PASS: the service answers version 1.2.0")
        .anyMatch(l -> l.startsWith("Started replica 3 of 3"))
        .anyMatch(l -> l.startsWith("Stopped old replica 3"))
        .anyMatch(l -> l.startsWith("Removed [e2e-web-"));
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

  /** Makes {@code tag} the running version of the service, deploying it if needed. */
  private List<String> runningVersion(String service, String tag) {
    boolean running = replicas(service).stream().allMatch(c -> tag.equals(c.labels().get(ReplicaLabels.TAG)) && c.running());
    if (!running || replicas(service).isEmpty() || !http.get("/service-image-tag/" + service).body().contains(tag)) {
      JsonNode deployed = deployAndWait(service, "{\"tag\": \"" + tag + "\"}");
      assertThat(deployed.get("status").asString()).as(deployed.toString()).isEqualTo("successful");
    }
    return replicas(service).stream().map(ContainerStatus::name).sorted().toList();
  }

  private void assertRunsExactly(String service, List<String> containers, String tag) {
    List<ContainerStatus> now = replicas(service);
    assertThat(now.stream().map(ContainerStatus::name).sorted().toList()).isEqualTo(containers);
    assertThat(now).allSatisfy(c -> {
      assertThat(c.running()).as(c.name() + " runs").isTrue();
      assertThat(versionAt(c)).isEqualTo(tag);
    });
  }

  private JsonNode deployAndWait(String service, String body) {
    Reply reply = http.put("/service-image-tag/" + service, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    return awaitEnd(idOf(reply));
  }

  private JsonNode awaitEnd(String id) {
    return await().atMost(DEPLOYMENT).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !"running".equals(d.get("status").asString()));
  }

  private List<String> logOf(JsonNode deployment) {
    List<String> lines = new ArrayList<>();
    http.get("/deployment-logs/" + deployment.get("deploymentId").asString()).json()
        .forEach(l -> lines.add(l.get("line").asString()));
    return lines;
  }

  private Instant lineTime(JsonNode deployment, java.util.function.Predicate<String> line) {
    for (JsonNode l : http.get("/deployment-logs/" + deployment.get("deploymentId").asString()).json()) {
      if (line.test(l.get("line").asString())) {
        return Instant.parse(l.get("at").asString());
      }
    }
    throw new AssertionError("No such line in the log of " + deployment);
  }

  private List<ContainerStatus> replicas(String service) {
    return docker.list(Map.of(ReplicaLabels.SERVICE, service, ReplicaLabels.ROLE, "replica"));
  }

  private String versionAt(ContainerStatus container) {
    String port = container.labels().get(ReplicaLabels.PORT);
    try {
      return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String idOf(Reply accepted) {
    String link = accepted.json().get("statusLink").asString();
    return link.substring(link.lastIndexOf('/') + 1);
  }
}
