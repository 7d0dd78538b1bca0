package io.mooring.activities.runtime;

import io.mooring.activities.store.ServiceDefinition;
import java.util.List;
import java.util.UUID;

/** The messages a deployment sends to {@link RuntimeActivities}: one record per activity. */
public final class RuntimeRequests {
  private RuntimeRequests() {}

  public record PlanRollout(UUID deploymentId, ServiceDefinition service) {}

  /** @param image the image by digest, so every replica runs exactly what was validated */
  public record PullImage(UUID deploymentId, String image, String credentials) {}

  public record StartReplica(UUID deploymentId, ServiceDefinition service, String image, String tag, Replica replica) {}

  public record AwaitHealthy(UUID deploymentId, ServiceDefinition service, Replica replica) {}

  public record StopReplica(UUID deploymentId, ServiceDefinition service, Replica replica) {}

  /** @param step names this removal in the log, e.g. {@code cleanup} or {@code rollback} */
  public record RemoveReplicas(UUID deploymentId, String step, List<Replica> replicas) {}

  /** Puts things back as they were: the new replicas go, the old ones that ran run again. */
  public record RestoreReplicas(UUID deploymentId, List<Replica> restart, List<Replica> remove) {}
}
