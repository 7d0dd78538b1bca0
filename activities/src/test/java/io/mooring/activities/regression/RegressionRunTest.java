package io.mooring.activities.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.activities.actions.RecordingLog;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.regression.RegressionActivities.RegressionResult;
import io.mooring.activities.regression.RegressionActivities.RunRegressionTests;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.InstanceOf;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.runtime.ScriptedEngine;
import io.mooring.activities.services.ServiceDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Regression tests run as a container; only a run the engine saw through to its end gives a verdict. */
class RegressionRunTest {

  private static final ServiceDefinition WEB = new ServiceDefinition(
      "web", "127.0.0.1:5000/demo/web", "1.0.0", null, 1, 28080, "/health", Map.of(),
      "127.0.0.1:5000/demo/web-tests", null);
  private static final String TEST_IMAGE = "127.0.0.1:5000/demo/web-tests@sha256:" + "0".repeat(64);

  private final ScriptedEngine engine = new ScriptedEngine();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();

  @AfterEach
  void close() {
    environment.close();
  }

  @Test
  void passesTestsThatExitWithZero() {
    engine.then(() -> null).then(() -> state("running", 0)).then(() -> state("exited", 0));

    RegressionResult result = run();

    assertThat(result.passed()).isTrue();
    assertThat(engine.runs()).as("run to completion: not restarted by the engine").singleElement()
        .satisfies(run -> assertThat(run.env()).containsEntry("MOORING_TAG", "1.0.0"));
    assertThat(engine.started()).isEmpty();
    assertThat(log).contains("Regression tests passed");
  }

  @Test
  void failsTestsThatExitWithAnythingElse() {
    engine.then(() -> null).then(() -> state("running", 0)).then(() -> state("exited", 1));

    assertThat(run().passed()).isFalse();
    assertThat(log).contains("Regression tests failed with exit code 1");
  }

  @Test
  void doesNotCountTestsThatTheEngineCutOffOnItsWayDown() {
    engine.then(() -> null).then(() -> state("running", 0)).then(() -> {
      throw new RuntimeUnavailableException("Docker Engine at unix:///nowhere.sock is unreachable", null);
    }).then(() -> state("exited", 0));

    RegressionResult result = run();

    assertThat(result.passed()).as("exit code 0, but cut off").isFalse();
    assertThat(log).contains("Regression tests were cut off: the container engine went away while they ran "
        + "(exit code 0), so their result does not count");
  }

  @Test
  void pointsTheTestsAtTheFirstRunningReplicaTheDeploymentStartedWhereTheRuntimeReachesIt() {
    UUID deployment = UUID.randomUUID();
    engine.withReplica(replica("web-old-1", "running", UUID.randomUUID(), 1, 28080))
        .withReplica(replica("web-new-2", "running", deployment, 2, 28082))
        .withReplica(replica("web-new-1", "running", deployment, 1, 28081))
        .withReplica(replica("web-new-3", "exited", deployment, 0, 28083))
        .then(() -> null).then(() -> state("running", 0)).then(() -> state("exited", 0));

    run(deployment, null);

    assertThat(engine.runs()).singleElement()
        .satisfies(run -> assertThat(run.env()).containsEntry("MOORING_SERVICE_URL", "http://127.0.0.1:28081"));
    assertThat(log).anyMatch(line -> line.endsWith("against http://127.0.0.1:28081"));
  }

  @Test
  void failsWithAReasonWhenNoReplicaTheDeploymentStartedRuns() {
    UUID deployment = UUID.randomUUID();
    engine.withReplica(replica("web-new-1", "exited", deployment, 1, 28081)).then(() -> null);

    assertThatThrownBy(() -> run(deployment, null))
        .rootCause().hasMessageContaining("No replica of web that deployment " + deployment + " started runs and answers on a"
            + " port, so the regression tests have nothing to test");
    assertThat(engine.runs()).isEmpty();
  }

  private static ContainerStatus replica(String name, String state, UUID operation, int number, int port) {
    return new ContainerStatus(name, state, 0, null, new InstanceOf("web", operation.toString(), number, port, "1.1.0"),
        0, null);
  }

  private RegressionResult run() {
    return run(UUID.randomUUID(), "http://127.0.0.1:28081");
  }

  private RegressionResult run(UUID deployment, String serviceUrl) {
    environment.registerActivitiesImplementations(new RegressionActivitiesImpl(
        engine, new RegistrySettings(Map.of(), null, null, null), new RecordingLog(log), new RegressionSettings(Duration.ofMinutes(1)),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    RegressionActivities activities = environment.newActivityStub(RegressionActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    return activities.run(new RunRegressionTests(deployment, WEB, TEST_IMAGE, "1.0.0", serviceUrl));
  }

  private static ContainerStatus state(String state, int exitCode) {
    return new ContainerStatus("web-abc-regression", state, exitCode, null, InstanceOf.NONE, 0, null);
  }
}
