package io.mooring.workflows.service;

import io.mooring.activities.registry.RegistryActivities;
import io.mooring.workflows.FailureReasons;
import io.mooring.workflows.WorkerTakeover;
import io.mooring.workflows.deployment.ActivityPolicies;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Every timeout and retry rule of a lifecycle action, in one place and on purpose.
 *
 * <ul>
 *   <li>Containers: ordinary activities, so a container change survives the worker that began it.
 *       Retries ride out an engine restart (about a minute of attempts); every step is idempotent,
 *       since containers have derived names. Pulling an image and waiting for health can last:
 *       they heartbeat, so a dead worker's wait passes on within {@link WorkerTakeover#HEARTBEAT};
 *       every other change ends or heartbeats within twice that, so it passes on as soon. A replica
 *       that never became healthy is final.
 *   <li>Record and log: local activities that must eventually happen, or the record lies; they
 *       retry without limit, backing off to 30 s, through a database outage.
 *   <li>Registry: a first start pins the tag's digest; a registry that does not answer is tried
 *       for about a minute, a missing image is final.
 *   <li>A defect of an activity's own code (a null where a value belongs) is final: another
 *       attempt meets it again, so the action fails with its reason.
 * </ul>
 */
final class ServicePolicies {

  private ServicePolicies() {}

  static ActivityOptions containers() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        // A dead worker's container change passes on within seconds, not at the end of the two
        // minutes: each one ends or heartbeats well within this (a stop takes at most the engine's
        // stop timeout, 5 s; changes to several containers heartbeat while they wait).
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT.multipliedBy(2))
        .setRetryOptions(engineRestartRetries())
        .build();
  }

  /** Per activity type: the waits that heartbeat. */
  static Map<String, ActivityOptions> containerWaits() {
    ActivityOptions waits = ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(engineRestartRetries())
        .build();
    return Map.of("RuntimePull", waits, "RuntimeAwaitHealthy", waits, "RuntimeWatchStep", waits);
  }

  private static RetryOptions engineRestartRetries() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2)
        .setMaximumInterval(Duration.ofSeconds(10))
        .setMaximumAttempts(10)
        .setDoNotRetry("ReplicaUnhealthy", FailureReasons.NULL_POINTER, FailureReasons.ILLEGAL_ARGUMENT)
        .build();
  }

  static LocalActivityOptions records() {
    return ActivityPolicies.bookkeeping();
  }

  static LocalActivityOptions registry() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(40))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(10))
            .setMaximumAttempts(8)
            .setDoNotRetry(RegistryActivities.IMAGE_UNREACHABLE, FailureReasons.NULL_POINTER,
                FailureReasons.ILLEGAL_ARGUMENT)
            .build())
        .build();
  }
}
