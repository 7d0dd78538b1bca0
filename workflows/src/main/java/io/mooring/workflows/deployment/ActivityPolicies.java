package io.mooring.workflows.deployment;

import io.mooring.activities.registry.RegistryActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Every timeout and retry rule of a deployment, in one place and on purpose.
 *
 * <ul>
 *   <li>Registry: the caller waits for the verdict, so few, quick attempts. A missing image is
 *       final at once; a registry that does not answer is tried three times (about 3 s).
 *   <li>Plan: the first touch of the container engine. Three quick attempts, so a deployment
 *       against an engine that is down fails in seconds with a message naming its socket, having
 *       changed nothing.
 *   <li>Rollout: container steps heartbeat, so a dead worker is noticed in 30 s and the step
 *       retried elsewhere. Retries ride out an engine restart (about a minute of attempts). An
 *       unhealthy replica is final: retrying does not heal an image. Cancellation waits for the
 *       step to stop, so a rollback never races a half-finished step.
 *   <li>Regression tests: long-running and heartbeating; a run cut off by a crash is re-run.
 *   <li>Gate and history: must eventually happen, or the lock leaks or history lies. They retry
 *       without limit, backing off to 30 s, through a Temporal or database outage.
 * </ul>
 */
final class ActivityPolicies {

  private ActivityPolicies() {}

  static ActivityOptions registry() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(40))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .setDoNotRetry(RegistryActivities.IMAGE_UNREACHABLE)
            .build())
        .build();
  }

  static ActivityOptions plan() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .build())
        .build();
  }

  static ActivityOptions rollout() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(15))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(10))
            .setMaximumAttempts(10)
            .setDoNotRetry("ReplicaUnhealthy")
            .build())
        .build();
  }

  static ActivityOptions regression() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .setDoNotRetry("RegressionTimeout")
            .build())
        .build();
  }

  static ActivityOptions bookkeeping() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(200))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(30))
            .build())
        .build();
  }
}
