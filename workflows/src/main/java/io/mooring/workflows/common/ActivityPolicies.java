package io.mooring.workflows.common;

import io.mooring.activities.registry.RegistryActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Every timeout and retry rule of every workflow, in one table and on purpose.
 *
 * <p>Container changes are local activities in deployments and lifecycle actions alike: they run in
 * the worker that runs the workflow, with no round trip through the Temporal server, and their
 * results are recorded in the history all the same (the README's design notes give the
 * measurement behind it). A change of a worker that died is taken again by the worker that takes
 * the workflow over, within {@link WorkerTakeover#WORKFLOW_TASK}, which is safe because every
 * change finds what an earlier attempt did. Waits that can last are ordinary activities: they
 * heartbeat, so a dead worker is noticed and a cancel reaches them promptly, and the workflow takes
 * requests in while they go on. Reads and writes of Mooring's own store are local activities too.
 *
 * <ul>
 *   <li>Registry: a deployment's caller waits for the verdict, so few, quick attempts; a service's
 *       first start pins the tag's digest and tries about a minute. A missing image is final.
 *   <li>Plan: the first touch of the container engine. Three quick attempts, so a deployment
 *       against an engine that is down fails in seconds with a message naming its socket, having
 *       changed nothing.
 *   <li>Container changes (start, stop, remove, restore, a runtime's step): retries ride out an
 *       engine restart (about a minute of attempts); every change is idempotent, since containers
 *       have derived names. A change that lasts keeps the workflow task open (the worker extends
 *       it), and requests to the service are taken in when it ends or at the extension.
 *   <li>Waits (pulling an image, health, a runtime's step that goes on, regression tests):
 *       heartbeat within {@link WorkerTakeover#HEARTBEAT}; cancellation waits for the activity to
 *       stop, so a rollback never races a half-finished step.
 *   <li>Final at once: an unhealthy replica or a test timeout (retrying does not heal an image),
 *       and a defect of an activity's own code (another attempt meets it again).
 *   <li>Gate, history and records: must eventually happen, or the lock leaks or the record lies.
 *       They retry without limit, backing off to 30 s, through a Temporal or database outage.
 * </ul>
 */
public final class ActivityPolicies {

  /** Failures another attempt cannot mend. */
  private static final String[] FINAL = {
    "ReplicaUnhealthy", "RegressionTimeout", FailureReasons.NULL_POINTER, FailureReasons.ILLEGAL_ARGUMENT
  };

  private ActivityPolicies() {}

  /** The registry's verdict on a deployment's tag, which its caller waits for. */
  public static LocalActivityOptions registryVerdict() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(40))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .setDoNotRetry(RegistryActivities.IMAGE_UNREACHABLE)
            .build())
        .build();
  }

  /** The digest a service's first start pins: nobody waits on it, so it rides out a registry restart. */
  public static LocalActivityOptions registryPin() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(40))
        .setRetryOptions(backingOff(8, RegistryActivities.IMAGE_UNREACHABLE, FailureReasons.NULL_POINTER,
            FailureReasons.ILLEGAL_ARGUMENT))
        .build();
  }

  /** A deployment's plan, read by deployments recorded before the plan answered the caller. */
  public static LocalActivityOptions localPlan() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(threeQuickAttempts())
        .build();
  }

  /**
   * A deployment's plan: an ordinary activity, because only the end of the workflow task that
   * admitted the deployment sends the caller its answer.
   */
  public static ActivityOptions plan() {
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

  /** Container changes: start, stop, remove, restore, a runtime's step, and the looks that plan them. */
  public static LocalActivityOptions containerChanges() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(engineRestartRetries())
        .build();
  }

  /**
   * Container changes as lifecycle actions recorded before they were local activities ran them:
   * ordinary activities, which replay only as such; with {@link #containerWaits()}.
   */
  public static ActivityOptions ordinaryContainerChanges() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT.multipliedBy(2))
        .setRetryOptions(engineRestartRetries())
        .build();
  }

  /** Per activity type of the runtime: the waits that heartbeat. */
  public static Map<String, ActivityOptions> containerWaits() {
    ActivityOptions waits = waits();
    return Map.of("RuntimePull", waits, "RuntimeAwaitHealthy", waits, "RuntimeWatchStep", waits);
  }

  /** Waits that can last: pulls, health, a runtime's step that goes on, regression tests. */
  public static ActivityOptions waits() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(engineRestartRetries())
        .build();
  }

  private static RetryOptions engineRestartRetries() {
    return backingOff(10, FINAL);
  }

  /** Attempts a second apart at first, then further apart up to 10 s. */
  private static RetryOptions backingOff(int attempts, String... doNotRetry) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2)
        .setMaximumInterval(Duration.ofSeconds(10))
        .setMaximumAttempts(attempts)
        .setDoNotRetry(doNotRetry)
        .build();
  }

  /**
   * Taking the service's turn waits for the service's actions taken in before (a container's start
   * at most), so it may take a while; its answer is idempotent, so it is retried like bookkeeping.
   */
  public static LocalActivityOptions serviceTurn() {
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
