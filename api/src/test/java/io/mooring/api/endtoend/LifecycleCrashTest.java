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
import java.util.Locale;
import java.util.Map;
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
 * {@code kill -9} of Mooring while a service's action changes its containers, then a restart on the
 * same PostgreSQL and Temporal server, also with two processes hogging the machine's processors.
 * After each: the action ends once and succeeds, the engine runs exactly the containers the service
 * wants (no orphan, no duplicate), the state is right, and no line of the action's log is doubled.
 */
@Tag("real")
class LifecycleCrashTest {

  private static final RealComponents REAL = RealComponents.fromEnvironment();
  private static final int RUNS = Integer.getInteger("mooring.crash-runs", 3);

  private static MooringProcess mooring;
  private static DockerEngine docker;
  private static Http http;

  /** The action Mooring is killed in, and the line of its log that says it is changing containers. */
  enum Step {
    START("Service Start", l -> l.startsWith("Starting ")),
    SCALE("Service Scale", l -> l.startsWith("Started replica")),
    REDEPLOY("Service Redeploy", l -> l.startsWith("Started replica")),
    TERMINATE("Service Terminate", null);

    final String title;
    /** Null: killed as soon as the action is in progress (its one step removes every container). */
    final Predicate<String> changing;

    Step(String title, Predicate<String> changing) {
      this.title = title;
      this.changing = changing;
    }
  }

  static Stream<Arguments> crashes() {
    List<Arguments> cases = new ArrayList<>();
    for (Step step : Step.values()) {
      for (int run = 1; run <= RUNS; run++) {
        cases.add(Arguments.of(step, run, false));
      }
      cases.add(Arguments.of(step, RUNS + 1, true));
    }
    return cases.stream();
  }

  @BeforeAll
  static void startMooring() throws Exception {
    Path data = Files.createTempDirectory("mooring-lifecycle-crash");
    Files.writeString(data.resolve("services.yml"), "services: []\n");
    mooring = MooringProcess.realMode(REAL, data, Map.of(
        "MOORING_RUNTIME_PUBLISH_ADDRESS", "127.0.0.1",
        "MOORING_REGISTRY_DEFAULT_REGISTRY", REAL.registry(),
        "MOORING_REGISTRY_ALLOWED_HOSTS", REAL.registry(),
        "SPRING_TEMPORAL_NAMESPACE", TemporalNamespaces.ofItsOwn(REAL, "mooring-lifecycle-crash")));
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
    if (docker != null) {
      docker.close();
    }
  }

  @ParameterizedTest(name = "kill -9 during {0}, run {1}, CPU hog {2}")
  @MethodSource("crashes")
  void anActionEndsOnceAndTheContainersConvergeWhenMooringIsKilled(Step step, int run, boolean hog)
      throws Exception {
    String name = "crash-" + step.name().toLowerCase(Locale.ROOT) + "-" + run;
    Reply created = http.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\", \"name\": \"" + name + "\","
        + " \"target_num_containers\": 2}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String service = created.json().get("resource_uri").asString();
    if (step != Step.START) {
      assertThat(http.post(service + "start/", "").status()).isEqualTo(202);
      awaitState(service, "Running");
    }
    try (CpuHog ignored = hog ? CpuHog.start() : CpuHog.none()) {
      Reply accepted = switch (step) {
        case START -> http.post(service + "start/", "");
        case SCALE -> http.patch(service, "{\"target_num_containers\": 4}");
        case REDEPLOY -> http.post(service + "redeploy/", "");
        case TERMINATE -> http.delete(service);
      };
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      String action = accepted.header("X-Tutum-Action-URI");
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
        JsonNode now = http.get(action).json();
        return "In progress".equals(now.get("state").asString())
            && (step.changing == null || logOf(now).stream().anyMatch(step.changing));
      });
      boolean endedBeforeTheKill = !"In progress".equals(http.get(action).json().get("state").asString());
      mooring.kill();
      mooring.start();
      // A kill after the action had ended proves nothing: say so rather than pass.
      Assumptions.assumeFalse(endedBeforeTheKill, "the action had already ended when Mooring was killed");

      JsonNode ended = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
          .until(() -> http.get(action).json(), a -> a.get("end_date").isString());
      assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("Success");
      assertThat(logOf(ended)).as("no step logged twice").doesNotHaveDuplicates();
      List<String> titles = http.get("/api/v1/action/?object=" + service + "&limit=100").json().get("objects")
          .findValuesAsString("action");
      assertThat(titles.stream().filter(step.title::equals)).as("the action once: " + titles).hasSize(1);
    }

    List<ContainerStatus> containers = docker.list(Map.of(ReplicaLabels.SERVICE, name, ReplicaLabels.ROLE, "replica"));
    if (step == Step.TERMINATE) {
      awaitState(service, "Terminated");
      assertThat(containers).as("nothing left over").isEmpty();
      return;
    }
    int target = step == Step.SCALE ? 4 : 2;
    JsonNode settled = awaitState(service, "Running");
    assertThat(settled.get("target_num_containers").asInt()).isEqualTo(target);
    containers = docker.list(Map.of(ReplicaLabels.SERVICE, name, ReplicaLabels.ROLE, "replica"));
    assertThat(containers).as("exactly the target, every one running, no orphan").hasSize(target)
        .allSatisfy(c -> assertThat(c.running()).as(c.name()).isTrue());
    assertThat(containers.stream().map(c -> c.number()).distinct())
        .as("each number once").hasSize(target);
    assertThat(http.delete(service).status()).isEqualTo(202);
    awaitState(service, "Terminated");
  }

  private static JsonNode awaitState(String service, String state) {
    return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(service).json(), s -> state.equals(s.get("state").asString()));
  }

  private static List<String> logOf(JsonNode action) {
    JsonNode logs = action.get("logs");
    return logs == null || !logs.isString() ? List.of() : logs.asString().lines().toList();
  }

  /** Two processes that keep both of the machine's processors busy, stopped when closed. */
  private record CpuHog(List<Process> processes) implements AutoCloseable {
    static CpuHog start() throws IOException {
      List<Process> busy = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
      }
      return new CpuHog(busy);
    }

    static CpuHog none() {
      return new CpuHog(List.of());
    }

    @Override
    public void close() {
      processes.forEach(Process::destroyForcibly);
    }
  }
}
