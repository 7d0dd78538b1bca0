package io.mooring.activities.runtime;

import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.PlanRollout;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.temporal.activity.ActivityInterface;

/** The container side of a deployment. Each step finds what an earlier attempt did and goes on. */
@ActivityInterface(namePrefix = "Runtime")
public interface RuntimeActivities {

  RolloutPlan plan(PlanRollout request);

  void pull(PullImage request);

  void startReplica(StartReplica request);

  /** Waits (heartbeating) until the replica answers its health path; fails if it never does. */
  void awaitHealthy(AwaitHealthy request);

  void stopReplica(StopReplica request);

  void removeReplicas(RemoveReplicas request);

  void restoreReplicas(RestoreReplicas request);
}
