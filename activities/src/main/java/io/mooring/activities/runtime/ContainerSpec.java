package io.mooring.activities.runtime;

import java.util.List;
import java.util.Map;

/**
 * What to run: a container with a fixed name, so a retried start finds the one it made before.
 *
 * @param comesBackWithEngine a service replica: when the engine itself restarts, it starts the
 *     container again (unless Mooring had stopped it), so a daemon restart mid-rollout does not
 *     take the service down. One-shot containers such as regression tests stay exited.
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    Map<String, String> env,
    List<String> command,
    boolean comesBackWithEngine) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    env = Map.copyOf(env);
    command = command == null ? List.of() : List.copyOf(command);
  }
}
