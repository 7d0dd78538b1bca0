package io.mooring.activities.runtime;

import java.util.UUID;

/**
 * The names of a service's instances. Derived, never random, so a retried activity finds the
 * instance an earlier attempt made.
 */
public final class ReplicaNames {
  private ReplicaNames() {}

  public static String of(String service, UUID operation, String suffix) {
    return service + "-" + operation.toString().replace("-", "").substring(0, 12) + "-" + suffix;
  }
}
