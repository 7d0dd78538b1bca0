package io.mooring.activities.runtime;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.mooring.activities.services.ServiceDefinition;
import java.util.List;
import java.util.UUID;

/**
 * The messages deployments and lifecycle actions send to {@link RuntimeActivities}: one record per
 * activity. {@code operationId} is the deployment's or the action's id: container names embed it
 * and log lines go to its log. (Histories recorded before lifecycle actions call it deploymentId.)
 */
public final class RuntimeRequests {
  private RuntimeRequests() {}

  /** @param image the image by digest the rollout brings (null in plans asked for before it was said) */
  public record PlanRollout(@JsonAlias("deploymentId") UUID operationId, ServiceDefinition service, String image) {}

  /**
   * A lifecycle action's change to plan.
   *
   * @param replica the container the change is about, for a change of one; null otherwise
   */
  public record PlanChange(UUID operationId, ServiceDefinition service, ChangeWanted wanted, String replica) {}

  /** The containers a service has now, running or not. */
  public record Inventory(UUID operationId, ServiceDefinition service) {}

  /** @param image the image by digest, so every replica runs exactly what was validated */
  public record PullImage(@JsonAlias("deploymentId") UUID operationId, String image, String credentials) {}

  public record StartReplica(
      @JsonAlias("deploymentId") UUID operationId, ServiceDefinition service, String image, String tag, Replica replica) {}

  public record AwaitHealthy(@JsonAlias("deploymentId") UUID operationId, ServiceDefinition service, Replica replica) {}

  /** @param keptForRollback an old replica of a rollout, removed only once the deployment ends */
  public record StopReplica(
      @JsonAlias("deploymentId") UUID operationId, ServiceDefinition service, Replica replica, boolean keptForRollback) {}

  /** Replicas a lifecycle action stops side by side, kept to be started again. */
  public record StopReplicas(UUID operationId, ServiceDefinition service, List<Replica> replicas) {}

  /** The service's containers that run now, to be stopped side by side and kept to be started again. */
  public record StopRunning(UUID operationId, ServiceDefinition service) {}

  /** Every container the service has now, running or not, to be removed side by side. */
  public record RemoveAll(UUID operationId, String step, ServiceDefinition service) {}

  /** @param step names this removal in the log, e.g. {@code cleanup} or {@code rollback} */
  public record RemoveReplicas(@JsonAlias("deploymentId") UUID operationId, String step, List<Replica> replicas) {}

  /**
   * A step of a rollout to take or to watch.
   *
   * @param image the image by digest the rollout brings
   * @param tag the tag that digest was validated as
   */
  public record StepOrder(UUID operationId, ServiceDefinition service, String image, String tag, RolloutStep step) {}

  /** Puts things back as they were: the new replicas go, the old ones that ran run again. */
  public record RestoreReplicas(@JsonAlias("deploymentId") UUID operationId, List<Replica> restart, List<Replica> remove) {}
}
