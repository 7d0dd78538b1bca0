package io.mooring.activities.runtime;

import io.mooring.activities.services.ContainerSettings;
import java.util.Map;
import java.util.UUID;

/**
 * A replica of a service to start: the runtime names it by {@link Replica#container()}, so a
 * retried start finds the one it made before, and keeps it running as the service's settings say.
 *
 * @param settings networking, ports, limits and policies
 * @param reachesHost the replica must reach this machine (Mooring's API) from the bridge
 */
public record ReplicaToStart(
    String service,
    UUID operation,
    Replica replica,
    String image,
    String tag,
    Map<String, String> env,
    ContainerSettings settings,
    boolean reachesHost) {

  public ReplicaToStart {
    env = Map.copyOf(env);
    settings = settings == null ? ContainerSettings.hostNetwork() : settings;
  }
}
