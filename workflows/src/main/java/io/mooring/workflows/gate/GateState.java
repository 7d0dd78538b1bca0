package io.mooring.workflows.gate;

import java.util.List;

/**
 * Harmony's single deployment switch, plus who holds it and who waits for it.
 *
 * @param enabled true when a deployment may take the lock now
 * @param message why the gate is as it is, in Harmony's words
 * @param holder the deployment id holding the lock, or null (disabled by hand, or enabled)
 * @param queue deployments waiting for the lock, first in line first
 */
public record GateState(boolean enabled, String message, String holder, List<Waiter> queue) {

  public GateState {
    queue = queue == null ? List.of() : List.copyOf(queue);
  }

  public static GateState initial() {
    return new GateState(true, "", null, List.of());
  }

  /** 1-based place in line of a waiting deployment, or 0 when it is not waiting. */
  public int placeOf(String deploymentId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).deploymentId().equals(deploymentId)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** A deployment waiting in line; {@code lockMessage} becomes the gate's message once it holds it. */
  public record Waiter(String deploymentId, String workflowId, String lockMessage) {}
}
