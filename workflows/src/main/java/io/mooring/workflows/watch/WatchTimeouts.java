package io.mooring.workflows.watch;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.mooring.workflows.common.WorkerTakeover;
import java.time.Duration;

/**
 * The watcher's timeouts and retries, on purpose.
 *
 * <ul>
 *   <li>A cycle's reads: a thousand repositories take seconds; a registry that hangs is cut off by
 *       the client's own timeouts. They heartbeat as reads finish, so the reads of a worker that
 *       died go to another within {@link WorkerTakeover#HEARTBEAT}. Retried without limit, backing
 *       off to a minute, through a database outage: a missed read is only late, never lost.
 *   <li>Reconcile (plan, start): a start waits for the deployment's admission, which reads the
 *       registry (a few seconds); retried like the reads, with the same deployment id each time.
 *       Half a minute at most, so a worker that died mid-start holds the watcher no longer.
 *   <li>Collecting notifications reads the store and queues a hundred rows at most: under a second.
 *       Ten seconds at most, because the cycle waits for it and Temporal hands the collection of a
 *       worker that died to another only when that time is up (two minutes held the watcher still
 *       for two minutes after a crash). Retried like the reads: a notification is only late.
 *   <li>Delivering them: each receiver gets a few seconds; what fails stays in the outbox for the
 *       next delivery, so the activity itself is tried only a few times. It runs beside the cycle,
 *       which never waits for it.
 * </ul>
 */
final class WatchTimeouts {
  private WatchTimeouts() {}

  static ActivityOptions cycleReads() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setHeartbeatTimeout(WorkerTakeover.HEARTBEAT)
        .setRetryOptions(patient())
        .build();
  }

  static ActivityOptions reconcile() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(patient())
        .build();
  }

  static ActivityOptions collectNotifications() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(patient())
        .build();
  }

  static ActivityOptions deliverNotifications() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setMaximumAttempts(3).build())
        .build();
  }

  /**
   * How long a service is left alone after its automatic deployment was refused at admission:
   * long for an image that is not there (a push is what it waits for), short for a state that
   * passes (a lifecycle action under way, a busy registry). Zero when it was not refused.
   */
  static Duration afterRefusal(String verdict) {
    return switch (verdict) {
      case "ADMITTED", "QUEUED", "SKIPPED" -> Duration.ZERO;
      case "UNREACHABLE" -> Duration.ofMinutes(10);
      case "REGISTRY_UNAVAILABLE" -> Duration.ofMinutes(1);
      default -> Duration.ofSeconds(30);
    };
  }

  static boolean started(String verdict) {
    return verdict.equals("ADMITTED") || verdict.equals("QUEUED");
  }

  private static RetryOptions patient() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(Duration.ofMinutes(1))
        .build();
  }
}
