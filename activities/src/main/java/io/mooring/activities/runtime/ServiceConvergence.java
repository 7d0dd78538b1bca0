package io.mooring.activities.runtime;

import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.services.ServiceDefinition;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes and watches the steps of a runtime that keeps a service's instances itself: the service is
 * stated to it, then watched until as many instances as stated run the stated image, each running
 * for a moment (Mooring's own deadline: the service's health timeout), as it watches a replica on
 * a single engine.
 */
final class ServiceConvergence {

  private static final Duration POLL = Duration.ofMillis(250);

  private final ServiceRuntime runtime;
  private final RuntimeSettings settings;
  private final OperationLog log;

  ServiceConvergence(ServiceRuntime runtime, RuntimeSettings settings, OperationLog log) {
    this.runtime = runtime;
    this.settings = settings;
    this.log = log;
  }

  /** States the service; never done at once, since its instances take their time. */
  boolean take(StepOrder order, Map<String, String> env) {
    ServiceDefinition service = order.service();
    runtime.apply(new ServiceToRun(service.name(), order.operationId(), order.image(), order.tag(),
        order.step().brings().size(), env, service.container()));
    log.append(order.operationId(), "converge.stated", "Stated " + service.name() + " to "
        + service.runtime().spelling() + " at " + runtime.endpoint() + ": " + order.step().brings().size()
        + " replica(s) of " + order.image());
    return false;
  }

  /**
   * Watches until every stated instance runs the image and has kept running for the service's
   * ready time, heartbeating through {@code stillHere}; fails with what the runtime says of the
   * instances when that does not happen within the health timeout.
   */
  void watch(StepOrder order, Runnable stillHere) {
    ServiceDefinition service = order.service();
    int wanted = order.step().brings().size();
    Instant deadline = Instant.now().plus(settings.healthTimeout());
    Instant allRunningSince = null;
    Set<String> said = new LinkedHashSet<>();
    while (true) {
      stillHere.run();
      List<ContainerStatus> instances = runtime.instancesOf(service.name());
      long running = instances.stream()
          .filter(ContainerStatus::running)
          .filter(instance -> order.image().equals(instance.image()))
          .count();
      instances.stream()
          .filter(instance -> instance.error() != null && !instance.error().isBlank())
          .forEach(instance -> said.add(instance.name() + ": " + instance.error()));
      if (running >= wanted) {
        allRunningSince = allRunningSince == null ? Instant.now() : allRunningSince;
        if (Duration.between(allRunningSince, Instant.now()).compareTo(readyAfter(service)) >= 0) {
          log.append(order.operationId(), "converge.running", wanted + " replica(s) of " + service.name()
              + " run " + order.image() + " on " + nodes(instances));
          return;
        }
      } else {
        allRunningSince = null;
      }
      if (Instant.now().isAfter(deadline)) {
        throw ApplicationFailure.newNonRetryableFailure(running + " of " + wanted + " replica(s) of " + service.name()
            + " ran " + order.image() + " within " + settings.healthTimeout().toSeconds() + " s"
            + (said.isEmpty() ? "" : ": " + String.join("; ", said)), "ReplicaUnhealthy");
      }
      sleep();
    }
  }

  private Duration readyAfter(ServiceDefinition service) {
    // Health paths are asked at the instances' nodes in a later step; until then, running is ready.
    return service.healthPath() == null ? settings.readyAfter() : Duration.ZERO;
  }

  private static String nodes(List<ContainerStatus> instances) {
    return instances.stream().filter(ContainerStatus::running)
        .map(instance -> instance.node() == null ? "?" : instance.node())
        .distinct().sorted().toList().toString();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("Interrupted", "Interrupted");
    }
  }
}
