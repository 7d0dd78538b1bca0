package io.mooring.activities.runtime;

import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.Inventory;
import io.mooring.activities.runtime.RuntimeRequests.PlanChange;
import io.mooring.activities.runtime.RuntimeRequests.PlanRollout;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveAll;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.runtime.RuntimeRequests.StopReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StopRunning;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The container operations that deployments and lifecycle actions share. Each step finds what an
 * earlier attempt did and goes on.
 */
@ActivityInterface(namePrefix = "Runtime")
public interface RuntimeActivities {

  /** How the runtime will roll the service over to the request's image: the replicas and the steps. */
  RolloutPlan plan(PlanRollout request);

  /**
   * Takes one step of a plan, briefly: returns true when it is done, false when it goes on and must
   * be watched to its end ({@link #watchStep}).
   */
  boolean takeStep(StepOrder order);

  /** Watches a step taken until it is done (heartbeating); fails when it never gets there. */
  void watchStep(StepOrder order);

  /**
   * How the runtime will carry out a lifecycle action on the service's replicas: what it has now
   * and the steps, which are taken and watched as a rollout's are.
   */
  ChangePlan planChange(PlanChange request);

  /** The service's containers now, running or not, by replica index. */
  List<Replica> inventory(Inventory request);

  /** True when the image is already on the engine, so pulling can be skipped. */
  boolean hasImage(PullImage request);

  void pull(PullImage request);

  /**
   * Starts the replica and watches it for a moment: most replicas answer their health path within
   * it, which saves a separate wait. Returns whether it is healthy already.
   */
  boolean startReplica(StartReplica request);

  /** Waits (heartbeating) until the replica answers its health path; fails if it never does. */
  void awaitHealthy(AwaitHealthy request);

  void stopReplica(StopReplica request);

  /** Stops the replicas side by side, each kept to be started again. */
  void stopReplicas(StopReplicas request);

  /**
   * Stops whatever of the service runs, side by side: the look and the change in one step, so a
   * stop costs one round trip. Returns the replicas it stopped.
   */
  List<Replica> stopRunning(StopRunning request);

  void removeReplicas(RemoveReplicas request);

  /** Removes every container of the service side by side, in one step as {@link #stopRunning}; returns them. */
  List<Replica> removeAll(RemoveAll request);

  void restoreReplicas(RestoreReplicas request);
}
