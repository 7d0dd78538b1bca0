package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.docker.DockerEngine;
import io.mooring.activities.runtime.docker.ReplicaLabels;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of Mooring while the registry watcher reads a repository that has a new version,
 * and while the automatic deployment of that version rolls out; then a restart on the same
 * PostgreSQL and Temporal server. After each: the new version is deployed exactly once (none missed,
 * none doubled), and the service runs exactly one container of it.
 */
@Tag("real")
class WatchCrashTest {

  private static final RealComponents REAL = RealComponents.fromEnvironment();
  private static final int RUNS = Integer.getInteger("mooring.crash-runs", 3);
  private static final int FIRST_PORT = 29100;

  private static Path data;
  private static MooringProcess mooring;
  private static HoldingProxy registry;
  private static DockerEngine docker;
  private static Http http;
  private static final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Where Mooring is killed. */
  enum Moment {
    /** A read of the repository is on its way to the registry (held there by the proxy). */
    POLL,
    /** The automatic deployment is starting the new version's container. */
    AUTO_DEPLOY
  }

  static Stream<Arguments> crashes() {
    List<Arguments> cases = new ArrayList<>();
    for (Moment moment : Moment.values()) {
      for (int run = 1; run <= RUNS; run++) {
        cases.add(Arguments.of(moment, run));
      }
    }
    return cases.stream();
  }

  @BeforeAll
  static void startMooring() throws Exception {
    data = Files.createTempDirectory("mooring-watch-crash");
    registry = new HoldingProxy(REAL.registry());
    StringBuilder services = new StringBuilder("services:\n");
    int port = FIRST_PORT;
    for (Moment moment : Moment.values()) {
      for (int run = 1; run <= RUNS; run++) {
        String name = name(moment, run);
        TestImages.push(REAL, "1.0.0", name + ":1.0.0", data);
        // Read through the proxy, which can hold a read on its way for as long as the test needs.
        services.append("""
              - name: %s
                repository: %s/demo/%s
                tag: 1.0.0
                replicas: 1
                port: %d
                health-path: /health
            """.formatted(name, registry.address(), name, port));
        port += 10;
      }
    }
    Files.writeString(data.resolve("services.yml"), services.toString());
    mooring = MooringProcess.realMode(REAL, data, Map.of(
        "SPRING_TEMPORAL_NAMESPACE", TemporalNamespaces.ofItsOwn(REAL, "mooring-watch-crash")));
    mooring.start();
    docker = new DockerEngine(REAL.dockerHost(), Duration.ofSeconds(5), "127.0.0.1");
    http = new Http(mooring.root(), null).bearer(Files.readString(data.resolve("admin-token")).strip());
    http.put("/service-deployments-state", "{\"enabled\": true}");
  }

  @AfterAll
  static void stopMooring() throws Exception {
    if (mooring != null) {
      mooring.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (docker != null) {
      docker.close();
    }
  }

  @ParameterizedTest(name = "kill -9 during {0}, run {1}")
  @MethodSource("crashes")
  void theNewVersionIsDeployedExactlyOnceWhenMooringIsKilled(Moment moment, int run) throws Exception {
    String service = name(moment, run);
    Reply first = http.put("/service-image-tag/" + service, "{\"tag\": \"1.0.0\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(awaitEnd(idOf(first.json().get("statusLink").asString())).get("status").asString()).isEqualTo("successful");
    Reply watching = http.post("/tags/" + service, "{\"auto_deploy\": true, \"poll_interval_seconds\": 2}");
    assertThat(watching.status()).as(watching.toString()).isEqualTo(200);

    if (moment == Moment.POLL) {
      registry.hold();
      TestImages.push(REAL, "1.1.0", service + ":1.1.0", data);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> registry.held() > 0);
      mooring.kill();
      registry.letThrough();
    } else {
      TestImages.push(REAL, "1.1.0", service + ":1.1.0", data);
      String id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> watcherDeployments(service).stream()
              .filter(d -> "rolling-out".equals(d.path("phase").asString())).findFirst(), java.util.Optional::isPresent)
          .orElseThrow().get("deploymentId").asString();
      mooring.kill();
      assertThat(id).isNotEmpty();
    }
    mooring.start();

    JsonNode deployed = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> watcherDeployments(service).stream().findFirst(), java.util.Optional::isPresent).orElseThrow();
    JsonNode ended = awaitEnd(deployed.get("deploymentId").asString());
    assertThat(ended.get("status").asString()).as(ended.toString()).isEqualTo("successful");
    assertThat(ended.get("tag").asString()).isEqualTo("1.1.0");
    // Several of the watcher's cycles later (every 2 s), still the one deployment.
    Thread.sleep(8_000);
    assertThat(watcherDeployments(service)).as("the new version deployed once").hasSize(1);
    List<ContainerStatus> containers = docker.list(Map.of(ReplicaLabels.SERVICE, service, ReplicaLabels.ROLE, "replica"));
    List<ContainerStatus> running = containers.stream().filter(ContainerStatus::running).toList();
    assertThat(running).as("one container, of the new version").hasSize(1);
    assertThat(versionAt(running.get(0))).isEqualTo("1.1.0");
    http.post("/tags/" + service, "{\"auto_deploy\": false}");
  }

  /** Unique per run of the suite: a registry kept from an earlier run would hold 1.1.0 already. */
  private static String name(Moment moment, int run) {
    return "watch-crash-" + (moment == Moment.POLL ? "poll" : "deploy") + "-" + run + "-" + ProcessHandle.current().pid();
  }

  private static List<JsonNode> watcherDeployments(String service) {
    List<JsonNode> found = new ArrayList<>();
    http.get("/service-deployment?service=" + service).json().forEach(d -> {
      if ("registry-watcher".equals(d.path("username").asString())) {
        found.add(d);
      }
    });
    return found;
  }

  private static JsonNode awaitEnd(String id) {
    return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !"running".equals(d.path("status").asString()));
  }

  private static String idOf(String statusLink) {
    return statusLink.substring(statusLink.lastIndexOf('/') + 1);
  }

  private static String versionAt(ContainerStatus container) throws Exception {
    int port = container.of().port();
    return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
  }
}
