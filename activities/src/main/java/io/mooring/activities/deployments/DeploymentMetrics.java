package io.mooring.activities.deployments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deployments as metrics: how many start, how they end and how long they take, per service.
 * Recorded where history records them, once each: a start when its row is first written, an end
 * when its one terminal status is, so retried activities and restarts never count twice.
 */
@Component
public class DeploymentMetrics {

  private final MeterRegistry registry;

  public DeploymentMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void started(String service) {
    Counter.builder("mooring.deployments.started")
        .description("Deployments admitted (queued ones included)")
        .tag("service", service)
        .register(registry)
        .increment();
  }

  /** How long a deployment waited for the deployment lock: zero when it was free at admission. */
  public void waitedForTheGate(String service, Duration wait) {
    Timer.builder("mooring.gate.wait")
        .description("From admission to holding the deployment lock")
        .tag("service", service)
        .publishPercentileHistogram()
        .register(registry)
        .record(wait.isNegative() ? Duration.ZERO : wait);
  }

  /** A deployment that has just reached its terminal status. */
  public void finished(DeploymentRecord record, Instant at) {
    String outcome = record.status().label();
    Duration took = Duration.between(record.createdAt(), at);
    Counter.builder("mooring.deployments.finished")
        .description("Deployments that ended, by outcome")
        .tag("service", record.service())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("mooring.deployment.duration")
        .description("From admission to the terminal status, queueing included")
        .tag("service", record.service())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(took.isNegative() ? Duration.ZERO : took);
    if (record.rolledBack()) {
      Counter.builder("mooring.deployments.rollbacks")
          .description("Deployments whose containers were rolled back to the previous version")
          .tag("service", record.service())
          .register(registry)
          .increment();
    }
  }
}
