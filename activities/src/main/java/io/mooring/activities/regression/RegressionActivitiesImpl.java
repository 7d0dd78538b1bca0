package io.mooring.activities.regression;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mooring.activities.TaskQueues;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.ReplicaNames;
import io.mooring.activities.runtime.RunToCompletion;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class RegressionActivitiesImpl implements RegressionActivities {

  private static final int MAX_OUTPUT_LINES = 2000;

  private final ContainerRuntime runtime;
  private final RegistrySettings credentials;
  private final OperationLog log;
  private final RegressionSettings settings;
  private final MeterRegistry metrics;

  public RegressionActivitiesImpl(ContainerRuntime runtime, RegistrySettings credentials, OperationLog log,
      RegressionSettings settings, MeterRegistry metrics) {
    this.metrics = metrics;
    this.runtime = runtime;
    this.credentials = credentials;
    this.log = log;
    this.settings = settings;
  }

  @Override
  public RegressionResult run(RunRegressionTests request) {
    var service = request.service();
    String container = ReplicaNames.of(service.name(), request.deploymentId(), "regression");
    ImageReference image = ImageReference.pinned(request.testImage());
    // Pull progress arrives on docker-java's thread; heartbeat through the context captured here.
    var context = Activity.getExecutionContext();
    boolean engineWentAwayBefore = context.getHeartbeatDetails(Boolean.class).orElse(false);
    String serviceUrl = request.serviceUrl() != null ? request.serviceUrl() : "http://" + newReplicaAddress(request);
    runtime.pull(image, credentials.named(service.credentials()), () -> context.heartbeat(engineWentAwayBefore));
    // A retry after a crash finds the run the last attempt started: a finished one is read, not re-run.
    boolean finishedBefore = runtime.status(container).map(ContainerStatus::exited).orElse(false);
    if (!finishedBefore) {
      runtime.runToCompletion(new RunToCompletion(container, service.name(), request.deploymentId(),
          request.testImage(), Map.of("MOORING_SERVICE_URL", serviceUrl,
              "MOORING_SERVICE", service.name(),
              "MOORING_TAG", request.tag())));
    }
    log.append(request.deploymentId(), "regression.start", "Running regression tests " + image
        + " against " + serviceUrl);
    try {
      Watch watch = awaitExit(container, engineWentAwayBefore);
      ContainerStatus finished = watch.finished();
      List<String> output = runtime.logs(container, MAX_OUTPUT_LINES);
      for (int i = 0; i < output.size(); i++) {
        log.append(request.deploymentId(), "regression.output." + (i + 1), "[regression] " + output.get(i));
      }
      // Tests that the engine stopped on its way down may well exit 0: such a result is no verdict.
      boolean passed = finished.exitCode() == 0 && !watch.engineWentAway();
      log.append(request.deploymentId(), "regression.result", watch.engineWentAway()
          ? "Regression tests were cut off: the container engine went away while they ran (exit code "
              + finished.exitCode() + "), so their result does not count"
          : passed ? "Regression tests passed" : "Regression tests failed with exit code " + finished.exitCode());
      if (finished.startedAt() != null) {
        Timer.builder("mooring.regression.duration")
            .description("How long a service's regression tests ran, by outcome")
            .tag("service", service.name())
            .tag("outcome", watch.engineWentAway() ? "cut-off" : passed ? "passed" : "failed")
            .publishPercentileHistogram()
            .register(metrics)
            .record(Duration.between(finished.startedAt(), Instant.now()));
      }
      runtime.remove(container);
      return new RegressionResult(passed, finished.exitCode(), output.size());
    } catch (ActivityCompletionException cancelled) {
      // The deployment was cancelled: the tests must not outlive it.
      runtime.remove(container);
      throw cancelled;
    }
  }

  /** Where the first running replica the deployment started answers, as the runtime reaches it. */
  private String newReplicaAddress(RunRegressionTests request) {
    String deployment = request.deploymentId().toString();
    return runtime.replicasOf(request.service().name()).stream()
        .filter(replica -> deployment.equals(replica.of().operation()) && replica.running())
        .min(Comparator.comparingInt(ContainerStatus::number))
        .flatMap(runtime::reachableAt)
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("No replica of " + request.service().name()
            + " that deployment " + deployment + " started runs and answers on a port, so the regression tests"
            + " have nothing to test", "RegressionTargetGone"));
  }

  /** How the test container ended, and whether the engine went away while it ran. */
  private record Watch(ContainerStatus finished, boolean engineWentAway) {}

  /**
   * Waits for the test container to exit, heartbeating. The engine going away meanwhile is waited
   * out, and remembered in the heartbeat, so that an attempt after a crash knows it too.
   */
  private Watch awaitExit(String container, boolean engineWentAwayBefore) {
    Instant deadline = Instant.now().plus(settings.timeout());
    boolean engineWentAway = engineWentAwayBefore;
    while (true) {
      Activity.getExecutionContext().heartbeat(engineWentAway);
      try {
        ContainerStatus status = runtime.status(container).orElseThrow(() ->
            ApplicationFailure.newFailure("Regression test container " + container + " disappeared", "RegressionLost"));
        if (status.exited()) {
          return new Watch(status, engineWentAway);
        }
        if (!status.running()) {
          // Created but never started: the engine went away between the two.
          runtime.start(container);
        }
      } catch (RuntimeUnavailableException away) {
        engineWentAway = true;
      }
      if (Instant.now().isAfter(deadline)) {
        runtime.remove(container);
        throw ApplicationFailure.newNonRetryableFailure("Regression tests did not finish within "
            + settings.timeout().toMinutes() + " min", "RegressionTimeout");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApplicationFailure.newFailure("Interrupted", "Interrupted");
      }
    }
  }
}
