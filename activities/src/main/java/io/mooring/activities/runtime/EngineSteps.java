package io.mooring.activities.runtime;

import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.services.ServiceDefinition;
import java.util.UUID;

/**
 * How the single engine takes the steps it planned ({@link ReplicaByReplica}, {@link ReplicaChanges}):
 * each is one of the replica operations of {@link RuntimeActivities}.
 */
public final class EngineSteps {
  private EngineSteps() {}

  /** Takes a step; true when it is done, false when it must be watched. */
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
      case REMOVE -> replicas.removeReplicas(new RemoveReplicas(id, "remove", step.takesDown()));
    }
    return true;
  }

  /** Watches a step that was not done when taken, until it is. */
  public static void watch(StepOrder order, RuntimeActivities replicas) {
    RolloutStep step = order.step();
    switch (step.action()) {
      case PULL -> replicas.pull(new PullImage(order.operationId(), order.image(), order.service().credentials()));
      case START -> replicas.awaitHealthy(new AwaitHealthy(order.operationId(), order.service(), step.brings().get(0)));
      // Done when taken: nothing goes on to watch.
      case STOP_OLD, RESTORE, CLEAN_UP, REMOVE -> { }
    }
  }
}
