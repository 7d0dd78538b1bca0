package io.mooring.activities.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.activities.actions.RecordingLog;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.ServiceDefinition;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Starting a replica tells a replica that crashed from one that stopped because the engine itself
 * went down: the first fails the rollout, the second is waited out.
 */
class ReplicaStartTest {

  private static final ServiceDefinition WEB = new ServiceDefinition(
      "web", "127.0.0.1:5000/demo/web", "1.0.0", null, 1, 28080, "/health", Map.of(), null, null);
  private static final Replica REPLICA = new Replica("web-abc-1", 1, 28081, false);

  private final ScriptedEngine engine = new ScriptedEngine();
  private final ScriptedHealth health = new ScriptedHealth();
  private final List<String> log = new ArrayList<>();
  private final RuntimeActivitiesImpl activities = new RuntimeActivitiesImpl(
      engine, health, new RegistrySettings(Map.of(), null, null, null), new RecordingLog(log),
      new RuntimeSettings("unix:///nowhere.sock", Duration.ofSeconds(60), Duration.ofSeconds(2),
          Duration.ofSeconds(5), Duration.ofSeconds(2), null, null), null, new OneTokenAccess(), null);

  @Test
  void reportsAReplicaHealthyOnceItAnswers() {
    engine.then(() -> state("running", 0)).then(() -> state("running", 0));
    health.answers = true;

    assertThat(start()).isTrue();
    assertThat(log).contains("Replica 1 of 1 (web-abc-1) is healthy (/health answered on port 28081)");
    assertThat(engine.started()).as("started as a replica, which comes back with the engine").hasSize(1);
    assertThat(engine.runs()).isEmpty();
  }

  @Test
  void failsAReplicaThatTheEngineKeepsRestarting() {
    engine.then(() -> state("running", 0)).then(() -> state("restarting", 1)).then(() -> state("running", 2))
        .then(() -> state("running", 3));

    assertThatThrownBy(this::start).isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("keeps exiting: the engine restarted it 3 times before it became healthy")
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isTrue());
  }

  @Test
  void failsAReplicaThatStaysDownWhileTheEngineAnswers() {
    engine.then(() -> state("exited", 0));

    long started = System.nanoTime();
    assertThatThrownBy(this::start).isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("exited with code 1 before it became healthy");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(RuntimeActivitiesImpl.DOWN_AT_MOST);
  }

  @Test
  void waitsForTheEngineWhenTheReplicaStoppedBecauseTheEngineWentDown() {
    engine.then(() -> state("running", 0)).then(() -> state("exited", 0)).then(() -> {
      throw new RuntimeUnavailableException("Docker Engine at unix:///nowhere.sock is unreachable", null);
    });

    // Retryable: the next attempt finds the replica that the engine started again on its way back.
    assertThatThrownBy(this::start).isInstanceOf(RuntimeUnavailableException.class);
  }

  @Test
  void carriesOnWithAReplicaThatTheEngineStartedAgain() {
    engine.then(() -> state("exited", 0)).then(() -> state("exited", 0)).then(() -> state("running", 0));
    health.answers = true;

    assertThat(start()).isTrue();
  }

  @Test
  void givesAGlobalServicesContainersAReadOnlyTokenAndAWayToMooring() {
    ServiceDefinition global = new ServiceDefinition("feed", "127.0.0.1:5000/demo/web", "1.0.0", null, 1, 0, null,
        Map.of("TUTUM_AUTH", "Bearer planted", "MODE", "feed"), null, null, null, new ContainerSettings(Networking.BRIDGE,
            List.of(), null, null, null, null, false, null, null, null, false, List.of(ServiceApiAccess.GLOBAL), List.of()));
    engine.then(() -> state("running", 0));

    activities.startReplica(new StartReplica(UUID.randomUUID(), global, "127.0.0.1:5000/demo/web:1.0.0", "1.0.0",
        new Replica("feed-1", 1, 0, false)));

    assertThat(engine.started()).singleElement().satisfies(spec -> {
      assertThat(spec.env()).containsEntry("TUTUM_AUTH", "Bearer mooring_feed").containsEntry("MODE", "feed");
      assertThat(spec.reachesHost()).as("a bridged container finds Mooring by the host's name").isTrue();
    });
  }

  @Test
  void givesOtherServicesNoToken() {
    engine.then(() -> state("running", 0)).then(() -> state("running", 0));
    health.answers = true;

    start();

    assertThat(engine.started()).singleElement().satisfies(spec -> {
      assertThat(spec.env()).doesNotContainKey("TUTUM_AUTH");
      assertThat(spec.reachesHost()).isFalse();
    });
  }

  /** Gives each service the token named after it. */
  private static final class OneTokenAccess implements ServiceApiAccess {
    @Override
    public Map<String, String> environment(String service) {
      return Map.of("TUTUM_AUTH", "Bearer mooring_" + service);
    }

    @Override
    public void revoke(String service) {
    }
  }

  private boolean start() {
    return activities.startReplica(new StartReplica(UUID.randomUUID(), WEB, "127.0.0.1:5000/demo/web@sha256:"
        + "0".repeat(64), "1.0.0", REPLICA));
  }

  private static ContainerStatus state(String state, int restarts) {
    return new ContainerStatus(REPLICA.container(), state, "running".equals(state) ? 0 : 1, null, InstanceOf.NONE, restarts,
        null);
  }

  private static final class ScriptedHealth extends ReplicaHealth {
    volatile boolean answers;

    @Override
    public Answer ask(int port, String path) {
      return new Answer(answers, answers ? "answered 200" : "answered 503");
    }
  }
}
