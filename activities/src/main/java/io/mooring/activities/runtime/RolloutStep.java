package io.mooring.activities.runtime;

import java.util.List;

/**
 * One step of a rollout, as its runtime planned it. A workflow takes the steps in order and
 * watches those that are not done at once, without knowing what they do.
 *
 * @param replica the replica (1-based) the deployment's progress names while the step runs; 0 for none
 * @param says what the step does, for the deployment's progress while it is taken
 * @param awaits what watching the step waits for, for the progress while it is watched
 * @param brings the replicas the step brings up
 * @param takesDown the replicas the step takes down
 */
public record RolloutStep(
    StepAction action, int replica, String says, String awaits, List<Replica> brings, List<Replica> takesDown) {

  public RolloutStep {
    brings = brings == null ? List.of() : List.copyOf(brings);
    takesDown = takesDown == null ? List.of() : List.copyOf(takesDown);
  }
}
