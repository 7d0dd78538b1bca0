package io.mooring.activities.runtime;

import io.mooring.activities.store.ContainerSettings;
import java.util.List;
import java.util.Map;

/**
 * What to run: a container with a fixed name, so a retried start finds the one it made before.
 *
 * @param comesBackWithEngine a host-network replica: when the engine itself restarts, it starts the
 *     container again (unless Mooring had stopped it), so a daemon restart mid-rollout does not
 *     take the service down. One-shot containers such as regression tests stay exited.
 * @param settings networking, ports, limits and policies; host networking where null
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    Map<String, String> env,
    List<String> command,
    boolean comesBackWithEngine,
    ContainerSettings settings) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    env = Map.copyOf(env);
    command = command == null ? List.of() : List.copyOf(command);
    settings = settings == null ? ContainerSettings.hostNetwork() : settings;
  }

  public ContainerSpec(String name, String image, Map<String, String> labels, Map<String, String> env,
      List<String> command, boolean comesBackWithEngine) {
    this(name, image, labels, env, command, comesBackWithEngine, null);
  }
}
