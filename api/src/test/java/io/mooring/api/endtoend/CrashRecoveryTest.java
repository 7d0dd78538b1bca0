package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.docker.DockerEngine;
import io.mooring.activities.runtime.docker.ReplicaLabels;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of Mooring at a step of a deployment, then a restart on the same PostgreSQL and
 * Temporal server. After each: one terminal status, the engine runs exactly the replicas of exactly
 * one version, no leftover containers, no step logged twice or lost, and the gate open again.
 */
@Tag("real")
class CrashRecoveryTest {

  private static final RealComponents REAL = RealComponents.fromEnvironment();
  private static final String SERVICE = "crash-web";
  private static final int REPLICAS = 3;
  private static final int RUNS = Integer.getInteger("mooring.crash-runs", 3);

  private static MooringProcess mooring;
  private static HoldingProxy registry;
  private static DockerEngine docker;
  private static Http http;
  private static String current = "1.0.0";

  /**
   * Where to pull the plug, and how the deployment must end after the restart. Validation is
   * caught by holding the registry's answer; every other point by a line of the deployment's log.
   */
  enum CrashPoint {
    DURING_VALIDATION(null, "1.0.0", true),
    RIGHT_AFTER_ADMISSION(l -> true, "1.0.0", true),
    HOLDING_THE_GATE("Took the service deployment lock"::equals, "1.0.0", true),
    ROLLING_OUT_REPLICA_1(l -> l.startsWith("Started replica 1 of 3"), "1.0.0", true),
    ROLLING_OUT_REPLICA_2(l -> l.startsWith("Started replica 2 of 3"), "1.0.0", true),
    RUNNING_REGRESSION_TESTS(l -> l.startsWith("Running regression tests"), "1.0.2-slow", true),
    ROLLING_BACK(l -> l.startsWith("Rolling back to"), "1.0.1-fail", false),
    WRITING_THE_FINAL_RECORD(l -> l.startsWith("Recorded "), "1.0.0", true);

    final Predicate<String> line;
    final String tests;
    final boolean succeeds;

    CrashPoint(Predicate<String> line, String tests, boolean succeeds) {
      this.line = line;
      this.tests = tests;
      this.succeeds = succeeds;
    }
  }

  static Stream<Arguments> crashes() {
    List<Arguments> cases = new ArrayList<>();
    for (CrashPoint point : CrashPoint.values()) {
      for (int run = 1; run <= RUNS; run++) {
        cases.add(Arguments.of(point, run));
      }
    }
    return cases.stream();
  }

  @BeforeAll
  static void startMooring() throws Exception {
    Path data = Files.createTempDirectory("mooring-crash");
    registry = new HoldingProxy(REAL.registry());
    Files.writeString(data.resolve("services.yml"), """
        services:
          - name: %s
            repository: %s/demo/web
            tag: 1.0.0
            replicas: %d
            port: 29080
            health-path: /health
            regression-image: %s/demo/web-tests
        """.formatted(SERVICE, registry.address(), REPLICAS, registry.address()));
    mooring = MooringProcess.realMode(REAL, data, Map.of());
    mooring.start();
    docker = new DockerEngine(REAL.dockerHost(), Duration.ofSeconds(5), "127.0.0.1");
    http = new Http(mooring.root(), null).bearer(Files.readString(data.resolve("admin-token")).strip());
    http.put("/service-deployments-state", "{\"enabled\": true}");
    JsonNode first = deployAndWait("1.1.0", "1.0.0");
    assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("successful");
    current = "1.1.0";
  }

  @AfterAll
  static void stopMooring() throws Exception {
    if (mooring != null) {
      mooring.close();
    }
    if (docker != null) {
      docker.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @ParameterizedTest(name = "kill -9 while {0}, run {1}")
  @MethodSource("crashes")
  void aDeploymentSurvivesMooringBeingKilled(CrashPoint point, int run) throws Exception {
    String before = current;
    String next = before.equals("1.1.0") ? "1.2.0" : "1.1.0";
    String body = "{\"tag\": \"" + next + "\", \"regression_test_version\": \"" + point.tests + "\"}";
    String id;
    java.time.Instant killedAt;
    if (point == CrashPoint.DURING_VALIDATION) {
      List<String> earlier = deploymentIds();
      registry.hold();
      CompletableFuture<Reply> put = CompletableFuture.supplyAsync(() -> http.put("/service-image-tag/" + SERVICE, body));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> registry.held() > 0);
      killedAt = java.time.Instant.now();
      mooring.kill();
      registry.letThrough();
      mooring.start();
      // The caller never hears back; the deployment it asked for still happens, exactly once.
      assertThat(put).failsWithin(Duration.ofSeconds(30));
      id = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
          .until(() -> deploymentIds().stream().filter(d -> !earlier.contains(d)).toList(), fresh -> !fresh.isEmpty())
          .get(0);
    } else {
      Reply accepted = http.put("/service-image-tag/" + SERVICE, body);
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      id = idOf(accepted);
      String admitted = id;
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
          .until(() -> logOf(admitted).stream().anyMatch(point.line));
      killedAt = java.time.Instant.now();
      mooring.kill();
      mooring.start();
    }
    assertThat(deploymentIds().stream().filter(d -> d.equals(id))).as("recorded once").hasSize(1);

    JsonNode finished = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !"running".equals(d.get("status").asString()));
    assertThat(deploymentIds()).as("no second deployment appeared").first().isEqualTo(id);
    String expected = point.succeeds ? next : before;
    assertThat(finished.get("status").asString()).as(finished.toString())
        .isEqualTo(point.succeeds ? "successful" : "failed");
    if (!point.succeeds) {
      assertThat(finished.get("rolledBack").asBoolean()).isTrue();
    }
    current = expected;

    List<ContainerStatus> replicas = docker.list(Map.of(ReplicaLabels.SERVICE, SERVICE, ReplicaLabels.ROLE, "replica"));
    assertThat(replicas).as("exactly the replicas of one version, nothing left over").hasSize(REPLICAS)
        .allSatisfy(c -> {
          assertThat(c.running()).as(c.name()).isTrue();
          assertThat(c.tag()).isEqualTo(expected);
        });
    assertThat(docker.list(Map.of(ReplicaLabels.SERVICE, SERVICE, ReplicaLabels.ROLE, "regression"))).isEmpty();

    // A kill that came after the deployment had ended proves nothing: say so rather than pass.
    Assumptions.assumeTrue(lineTime(id, finished.get("message").asString()).isAfter(killedAt),
        "the deployment had already ended when Mooring was killed");
    List<String> log = logOf(id);
    assertThat(log).as("no step logged twice").doesNotHaveDuplicates();
    assertThat(log.stream().filter(finished.get("message").asString()::equals)).as("one terminal line").hasSize(1);
    for (int i = 1; i <= REPLICAS; i++) {
      int replica = i;
      assertThat(log).as("replica " + i + " started").anyMatch(l -> l.startsWith("Started replica " + replica + " of 3"));
    }
    if (point.succeeds) {
      assertThat(log).anyMatch(l -> l.startsWith("Recorded " + next)).anyMatch(l -> l.startsWith("Removed ["));
      assertThat(http.get("/service-image-tag/" + SERVICE).body()).isEqualTo("{\"tag\":\"" + next + "\"}");
    } else {
      assertThat(log).anyMatch(l -> l.startsWith("Rollback restarted previous container(s)"));
      assertThat(http.get("/service-image-tag/" + SERVICE).body()).isEqualTo("{\"tag\":\"" + before + "\"}");
    }
    JsonNode gate = http.get("/service-deployments-state").json();
    assertThat(gate.get("enabled").asBoolean()).as(gate.toString()).isTrue();
  }

  private static java.time.Instant lineTime(String id, String line) {
    for (JsonNode l : http.get("/deployment-logs/" + id + "?timestamps=true").json()) {
      if (l.get("line").asString().equals(line)) {
        return java.time.Instant.parse(l.get("at").asString());
      }
    }
    throw new AssertionError("No line '" + line + "' in the log of " + id);
  }

  private static JsonNode deployAndWait(String tag, String tests) {
    Reply accepted = http.put("/service-image-tag/" + SERVICE,
        "{\"tag\": \"" + tag + "\", \"regression_test_version\": \"" + tests + "\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = idOf(accepted);
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !"running".equals(d.get("status").asString()));
  }

  /** Ids of the service's deployments, newest first. */
  private static List<String> deploymentIds() {
    List<String> ids = new ArrayList<>();
    http.get("/service-deployment?service=" + SERVICE + "&limit=100").json()
        .forEach(d -> ids.add(d.get("deploymentId").asString()));
    return ids;
  }

  private static List<String> logOf(String id) {
    List<String> lines = new ArrayList<>();
    try {
      http.get("/deployment-logs/" + id + "?timestamps=true").json().forEach(l -> lines.add(l.get("line").asString()));
    } catch (RuntimeException restarting) {
      // Mooring is down for a moment; the next poll asks again.
    }
    return lines;
  }

  private static String idOf(Reply accepted) {
    String link = accepted.json().get("statusLink").asString();
    return link.substring(link.lastIndexOf('/') + 1);
  }
}
