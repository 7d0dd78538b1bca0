package io.mooring.activities.runtime;

import java.util.List;
import java.util.Map;

/** What to run: a container with a fixed name, so a retried start finds the one it made before. */
public record ContainerSpec(
    String name, String image, Map<String, String> labels, Map<String, String> env, List<String> command) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    env = Map.copyOf(env);
    command = command == null ? List.of() : List.copyOf(command);
  }
}
