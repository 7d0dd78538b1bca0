package io.mooring.activities.runtime;

import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.services.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The single engine's rollout: the image first, then replica by replica a new one started and
 * awaited healthy before an old one stops, so the service never runs fewer replicas than it
 * should. A rollback removes the new replicas and restarts the old ones that ran; a success
 * removes the old ones. The plan is a pure function of the two sets of replicas, so a retried plan
 * is the same; each step is taken by the replica operations of {@link RuntimeActivities}.
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

  /** Takes a step of this plan; true when it is done, false when it must be watched. */
  public static boolean take(StepOrder order, RuntimeActivities replicas) {
    RolloutStep step = order.step();
    UUID id = order.operationId();
    ServiceDefinition service = order.service();
    switch (step.action()) {
      case PULL -> {
        return replicas.hasImage(new PullImage(id, order.image(), service.credentials()));
      }
      case START -> {
        return replicas.startReplica(new StartReplica(id, service, order.image(), order.tag(), step.brings().get(0)));
      }
      case STOP_OLD -> step.takesDown().forEach(old -> replicas.stopReplica(new StopReplica(id, service, old, true)));
      case RESTORE -> replicas.restoreReplicas(new RestoreReplicas(id, step.brings(), step.takesDown()));
      case CLEAN_UP -> replicas.removeReplicas(new RemoveReplicas(id, "cleanup", step.takesDown()));
    }
    return true;
  }

  /** Watches a step of this plan that was not done when taken, until it is. */
  public static void watch(StepOrder order, RuntimeActivities replicas) {
    RolloutStep step = order.step();
    switch (step.action()) {
      case PULL -> replicas.pull(new PullImage(order.operationId(), order.image(), order.service().credentials()));
      case START -> replicas.awaitHealthy(new AwaitHealthy(order.operationId(), order.service(), step.brings().get(0)));
      // Done when taken: nothing goes on to watch.
      case STOP_OLD, RESTORE, CLEAN_UP -> { }
    }
  }
}
