package io.mooring.activities.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.activities.actions.RecordingLog;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.services.ServiceDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A replica that does not become healthy is no silence: the wait says what it asks and what it hears. */
class HealthWaitTest {

  private static final ServiceDefinition WEB = new ServiceDefinition(
      "web", "127.0.0.1:5000/demo/web", "2.0.0-broken", null, 3, 28080, "/health", Map.of(), null, null);
  private static final Replica REPLICA = new Replica("web-abc-1", 1, 28081, false);

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void saysWhatTheHealthPathAnswersWhileItWaitsAndWhyTheReplicaWasJudgedUnhealthy() {
    RuntimeActivities activities = activitiesAnswering(503, Duration.ofSeconds(4));

    assertThatThrownBy(() -> activities.awaitHealthy(new AwaitHealthy(UUID.randomUUID(), WEB, REPLICA)))
        .isInstanceOf(ActivityFailure.class).cause().isInstanceOfSatisfying(ApplicationFailure.class, failure ->
            assertThat(failure.getOriginalMessage()).isEqualTo("Replica 1 of 3 (web-abc-1) did not become healthy within"
                + " 4 s: /health on port 28081 never answered 2xx (last it answered 503)"));

    assertThat(log).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line).matches(
        "Waiting for Replica 1 of 3 \\(web-abc-1\\) to become healthy: /health on port 28081 answered 503;"
            + " \\d s waited, \\d s left"));
    assertThat(log.get(0)).endsWith("1 s waited, 3 s left");
  }

  @Test
  void reportsAboutSixTimesAWaitAndAtMostEveryTenSeconds() {
    assertThat(RuntimeActivitiesImpl.reportEvery(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(10));
    assertThat(RuntimeActivitiesImpl.reportEvery(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
    assertThat(RuntimeActivitiesImpl.reportEvery(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(RuntimeActivitiesImpl.reportEvery(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
  }

  private RuntimeActivities activitiesAnswering(int status, Duration healthTimeout) {
    ScriptedEngine engine = new ScriptedEngine().then(() ->
        new ContainerStatus(REPLICA.container(), "running", 0, null, InstanceOf.NONE, 0, null));
    ReplicaHealth health = new ReplicaHealth() {
      @Override
      public Answer ask(int port, String path) {
        return new Answer(status / 100 == 2, "answered " + status);
      }
    };
    env.registerActivitiesImplementations(new RuntimeActivitiesImpl(engine, health,
        new RegistrySettings(Map.of(), null, null, null), new RecordingLog(log),
        new RuntimeSettings("unix:///nowhere.sock", healthTimeout, Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(2), null, null), null, null, null));
    return env.newActivityStub(RuntimeActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(io.temporal.common.RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
  }
}
