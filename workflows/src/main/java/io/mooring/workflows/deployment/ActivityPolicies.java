package io.mooring.workflows.deployment;

import io.mooring.activities.registry.RegistryActivities;
import io.mooring.workflows.WorkerTakeover;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Every timeout and retry rule of a deployment, in one place and on purpose.
 *
 * <p>Short steps are local activities: they run in the worker that runs the workflow, with no round
 * trip through the Temporal server, and their results are recorded in the history all the same. A
 * crash mid-step re-runs the step, which is safe because every step is idempotent. Waits that can
 * last (pulling an image, waiting for health, regression tests) are ordinary activities: they
 * heartbeat, so a dead worker is noticed and a cancel reaches them promptly.
 *
 * <ul>
 *   <li>Registry: the caller waits for the verdict, so few, quick attempts. A missing image is
 *       final at once; a registry that does not answer is tried three times (about 3 s).
 *   <li>Plan: the first touch of the container engine. Three quick attempts, so a deployment
 *       against an engine that is down fails in seconds with a message naming its socket, having
 *       changed nothing. An ordinary activity, not a local one: the workflow task that admitted
 *       the deployment ends when it is scheduled, and with it the caller's wait for the 202.
 *   <li>Container changes (start, stop, remove, restore): retries ride out an engine restart
 *       (about a minute of attempts).
 *   <li>Waits: heartbeat within {@link WorkerTakeover#HEARTBEAT} (they beat every second or faster),
 *       so the wait of a worker that died is handed to another that soon; an unhealthy replica or a
 *       test timeout is final, since
 *       retrying does not heal an image. Cancellation waits for the activity to stop, so a rollback
 *       never races a half-finished step.
 *   <li>Gate and history: must eventually happen, or the lock leaks or history lies. They retry
 *       without limit, backing off to 30 s, through a Temporal or database outage.
 * </ul>
 */
public final class ActivityPolicies {

  private ActivityPolicies() {}

  static LocalActivityOptions registry() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(40))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .setDoNotRetry(RegistryActivities.IMAGE_UNREACHABLE)
            .build())
        .build();
  }

  static LocalActivityOptions plan() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(threeQuickAttempts())
        .build();
  }

  /**
   * The plan, when it is the first step after admission: an ordinary activity (dispatched eagerly to
   * this worker), because only the end of a workflow task sends the caller its answer.
   */
  static ActivityOptions firstStep() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(threeQuickAttempts())
        .build();
  }

  private static RetryOptions threeQuickAttempts() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumAttempts(3)
        .build();
  }

  static LocalActivityOptions containerChanges() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(10))
            .setMaximumAttempts(10)
            .build())
        .build();
  }

  static ActivityOptions waits() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofSeconds(10))
            .setMaximumAttempts(10)
            .setDoNotRetry("ReplicaUnhealthy", "RegressionTimeout")
            .build())
        .build();
  }

  /**
   * Taking the service's turn waits for the service's actions taken in before (a container's start
   * at most), so it may take a while; its answer is idempotent, so it is retried like bookkeeping.
   */
  static LocalActivityOptions serviceTurn() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setRetryOptions(untilItHappens())
        .build();
  }

  /** Writes that must eventually happen (history, records, the gate): shared by every workflow. */
  public static LocalActivityOptions bookkeeping() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(untilItHappens())
        .build();
  }

  private static RetryOptions untilItHappens() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofMillis(200))
        .setBackoffCoefficient(2)
        .setMaximumInterval(Duration.ofSeconds(30))
        .build();
  }
}
