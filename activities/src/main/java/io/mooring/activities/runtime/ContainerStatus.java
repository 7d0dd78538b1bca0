package io.mooring.activities.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the engine reports it now.
 *
 * @param state the engine's word for it: created, running, restarting, exited, dead, …
 * @param exitCode meaningful once it has exited
 * @param restarts how often the engine restarted it by its restart policy (0 where not known)
 * @param startedAt when the engine last started it, by the engine's clock (null where not known)
 */
public record ContainerStatus(
    String name,
    String state,
    int exitCode,
    String error,
    Map<String, String> labels,
    int restarts,
    Instant startedAt) {

  public boolean running() {
    return "running".equals(state);
  }

  /** It ran and stopped: a result, not something still to do. */
  public boolean exited() {
    return "exited".equals(state) || "dead".equals(state);
  }
}
