package io.mooring.activities.runtime;

import java.util.Map;
import java.util.UUID;

/**
 * A one-shot instance, such as a service's regression tests: run once on the host network and
 * never restarted, so its exit is its result. Named by {@code name}, so a retry finds the run an
 * earlier attempt started.
 */
public record RunToCompletion(String name, String service, UUID operation, String image, Map<String, String> env) {

  public RunToCompletion {
    env = Map.copyOf(env);
  }
}
