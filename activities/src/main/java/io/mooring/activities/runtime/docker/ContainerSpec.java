package io.mooring.activities.runtime.docker;

import io.mooring.activities.services.ContainerSettings;
import java.util.List;
import java.util.Map;

/**
 * What to run: a container with a fixed name, so a retried start finds the one it made before.
 *
 * @param comesBackWithEngine a host-network replica: when the engine itself restarts, it starts the
 *     container again (unless Mooring had stopped it), so a daemon restart mid-rollout does not
 *     take the service down. One-shot containers such as regression tests stay exited.
 * @param settings networking, ports, limits and policies; host networking where null
 * @param reachesHost a bridged container that must reach this machine (Mooring's API) finds it
 *     by the name {@code host.docker.internal}, as on Docker Desktop
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    Map<String, String> env,
    List<String> command,
    boolean comesBackWithEngine,
    ContainerSettings settings,
    boolean reachesHost) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    env = Map.copyOf(env);
    command = command == null ? List.of() : List.copyOf(command);
    settings = settings == null ? ContainerSettings.hostNetwork() : settings;
  }

  public ContainerSpec(String name, String image, Map<String, String> labels, Map<String, String> env,
      List<String> command, boolean comesBackWithEngine) {
    this(name, image, labels, env, command, comesBackWithEngine, null, false);
  }
}
