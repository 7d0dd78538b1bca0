package io.mooring.activities.runtime;

import java.util.Map;
import java.util.UUID;

/**
 * The labels and names that tie a container to its service, deployment and replica. Names are
 * derived, never random, so a retried activity finds the container an earlier attempt made.
 */
public final class ReplicaLabels {
  public static final String SERVICE = "mooring.service";
  public static final String DEPLOYMENT = "mooring.deployment";
  public static final String REPLICA = "mooring.replica";
  public static final String PORT = "mooring.port";
  public static final String TAG = "mooring.tag";
  public static final String ROLE = "mooring.role";

  private ReplicaLabels() {}

  public static String containerName(String service, UUID deploymentId, String suffix) {
    return service + "-" + deploymentId.toString().replace("-", "").substring(0, 12) + "-" + suffix;
  }

  public static Map<String, String> replica(String service, UUID deploymentId, Replica replica, String tag) {
    return Map.of(
        SERVICE, service,
        DEPLOYMENT, deploymentId.toString(),
        REPLICA, Integer.toString(replica.index()),
        PORT, Integer.toString(replica.port()),
        TAG, tag,
        ROLE, "replica");
  }
}
