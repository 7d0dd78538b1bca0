package io.mooring.activities.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The single engine's rollout: the image first, then replica by replica a new one started and
 * awaited healthy before an old one stops, so the service never runs fewer replicas than it
 * should. A rollback removes the new replicas and restarts the old ones that ran; a success
 * removes the old ones. A pure function of the two sets of replicas, so a retried plan is the same;
 * {@link EngineSteps} takes its steps.
 */
public final class ReplicaByReplica {
  private ReplicaByReplica() {}

  public static RolloutPlan plan(String image, List<Replica> current, List<Replica> next) {
    List<RolloutStep> rollout = new ArrayList<>();
    rollout.add(new RolloutStep(StepAction.PULL, 0, "Looking for " + image, "Pulling " + image, List.of(),
        List.of()));
    for (int i = 0; i < next.size(); i++) {
      Replica replica = next.get(i);
      rollout.add(new RolloutStep(StepAction.START, replica.index(), "Starting replica " + replica.index() + " of "
          + next.size(), "Waiting for replica " + replica.index() + " to become healthy", List.of(replica), List.of()));
      if (i < current.size()) {
        rollout.add(stopOld(replica.index(), current.get(i)));
      }
    }
    for (Replica leftover : current.subList(Math.min(next.size(), current.size()), current.size())) {
      rollout.add(stopOld(next.isEmpty() ? 0 : next.get(next.size() - 1).index(), leftover));
    }
    RolloutStep restore = new RolloutStep(StepAction.RESTORE, 0, "Rolling back", "Rolling back", current, next);
    // Taken even with nothing to remove: its log line marks the end of the deployment's container work.
    RolloutStep cleanUp = new RolloutStep(StepAction.CLEAN_UP, 0, "Removing the old replicas",
        "Removing the old replicas", List.of(), current);
    return new RolloutPlan(current, next, rollout, List.of(restore), List.of(cleanUp));
  }

  private static RolloutStep stopOld(int progressReplica, Replica old) {
    String says = "Stopping old replica " + old.index();
    return new RolloutStep(StepAction.STOP_OLD, progressReplica, says, says, List.of(), List.of(old));
  }
}
