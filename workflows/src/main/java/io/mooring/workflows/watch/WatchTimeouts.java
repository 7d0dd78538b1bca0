package io.mooring.workflows.watch;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The watcher's timeouts and retries, on purpose.
 *
 * <ul>
 *   <li>A cycle's reads: a thousand repositories take seconds; a registry that hangs is cut off by
 *       the client's own timeouts. Retried without limit, backing off to a minute, through a
 *       database outage: a missed read is only late, never lost.
 *   <li>A read on demand: someone waits for the answer, so a few quick attempts.
 *   <li>Reconcile (plan, start): a start waits for the deployment's admission, which reads the
 *       registry; retried like the reads, with the same deployment id each time.
 * </ul>
 */
final class WatchTimeouts {
  private WatchTimeouts() {}

  static ActivityOptions cycleReads() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setRetryOptions(patient())
        .build();
  }

  static ActivityOptions readOnDemand() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(500)).setMaximumAttempts(2).build())
        .build();
  }

  static ActivityOptions reconcile() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(patient())
        .build();
  }

  private static RetryOptions patient() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(Duration.ofMinutes(1))
        .build();
  }
}
