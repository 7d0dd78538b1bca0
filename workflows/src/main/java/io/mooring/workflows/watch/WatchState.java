package io.mooring.workflows.watch;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the watcher is, for the Temporal UI and the operators, and what it holds back.
 *
 * @param cycles reads-and-reconciles done since the watcher first started
 * @param polled repositories read in the last cycle
 * @param deploysStarted automatic deployments started in the last cycle
 * @param refusedUntil services whose last automatic deployment was refused at admission (nothing
 *     is recorded then), left alone until the instant given, so a refusal is not asked again every cycle
 */
public record WatchState(WatchPhase phase, long cycles, int polled, int deploysStarted,
    Map<String, Instant> refusedUntil) {

  public WatchState {
    // Sorted: workflow code iterates it, and must do so in the same order on every replay.
    refusedUntil = refusedUntil == null ? new TreeMap<>() : new TreeMap<>(refusedUntil);
  }

  public static WatchState initial() {
    return new WatchState(WatchPhase.SLEEPING, 0, 0, 0, Map.of());
  }

  WatchState entering(WatchPhase next) {
    return new WatchState(next, cycles, polled, deploysStarted, refusedUntil);
  }

  WatchState cycleDone(int polledNow, int startedNow) {
    return new WatchState(WatchPhase.SLEEPING, cycles + 1, polledNow, startedNow, refusedUntil);
  }

  /** The watcher's steps, in the order of one cycle. */
  public enum WatchPhase {
    POLLING,
    RECONCILING,
    SLEEPING
  }
}
