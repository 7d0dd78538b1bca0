package io.mooring.workflows.watch;

/**
 * Where the watcher is, for the Temporal UI and the operators.
 *
 * @param cycles reads-and-reconciles done since the watcher first started
 * @param polled repositories read in the last cycle
 * @param deploysStarted automatic deployments started in the last cycle
 */
public record WatchState(WatchPhase phase, long cycles, int polled, int deploysStarted) {

  public static WatchState initial() {
    return new WatchState(WatchPhase.SLEEPING, 0, 0, 0);
  }

  WatchState entering(WatchPhase next) {
    return new WatchState(next, cycles, polled, deploysStarted);
  }

  WatchState cycleDone(int polledNow, int startedNow) {
    return new WatchState(WatchPhase.SLEEPING, cycles + 1, polledNow, startedNow);
  }

  /** The watcher's steps, in the order of one cycle. */
  public enum WatchPhase {
    POLLING,
    RECONCILING,
    SLEEPING
  }
}
