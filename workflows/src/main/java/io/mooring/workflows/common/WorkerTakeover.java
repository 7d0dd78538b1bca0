package io.mooring.workflows.common;

import java.time.Duration;

/**
 * How soon the work of a worker that died (kill -9, a host that went away) passes to another.
 *
 * <p>Temporal notices a dead worker only by a timeout: a workflow task it held is handed on after
 * {@link #WORKFLOW_TASK}, an activity it ran after {@link #HEARTBEAT} without a heartbeat. A
 * restarted Mooring takes about 5 s to poll again, so with both at 5 s an interrupted deployment
 * resumes about as soon as its worker is back (target: within 5 s of the first poll), where
 * Temporal's defaults (10 s for workflow tasks) would leave it idle for several more seconds.
 *
 * <p>Shorter would hand work on needlessly: local activities keep a workflow task open and extend
 * it at 80% of its timeout, and waits heartbeat at least every second (see the worker's heartbeat
 * throttle), with single steps of their loops bounded well below 5 s.
 */
public final class WorkerTakeover {

  public static final Duration WORKFLOW_TASK = Duration.ofSeconds(5);
  public static final Duration HEARTBEAT = Duration.ofSeconds(5);

  private WorkerTakeover() {}
}
