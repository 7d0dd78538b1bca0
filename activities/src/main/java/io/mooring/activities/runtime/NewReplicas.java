package io.mooring.activities.runtime;

import io.mooring.activities.services.ServiceDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Names and numbers new replicas: a pure function of what exists, so a workflow may call it and a
 * retried step makes the same names.
 */
public final class NewReplicas {
  private NewReplicas() {}

  /**
   * {@code count} new replicas numbered from {@code firstIndex}. On the host network they take the
   * first free ports from the service's base port, so old and new can listen side by side during a
   * rollover; on the bridge each container has its own address and the port is not theirs to pick.
   */
  public static List<Replica> of(ServiceDefinition service, UUID operationId, List<Replica> current, int firstIndex,
      int count) {
    Set<Integer> taken = new HashSet<>();
    current.forEach(r -> taken.add(r.port()));
    List<Replica> next = new ArrayList<>();
    int port = service.port();
    for (int index = firstIndex; index < firstIndex + count; index++) {
      while (service.onHostNetwork() && taken.contains(port)) {
        port++;
      }
      next.add(new Replica(ReplicaNames.of(service.name(), operationId, Integer.toString(index)),
          index, service.onHostNetwork() ? port : 0, false));
      port++;
    }
    return next;
  }

  /** {@code count} replicas numbered after the highest of {@code current}. */
  public static List<Replica> after(ServiceDefinition service, UUID operationId, List<Replica> current, int count) {
    int first = current.stream().mapToInt(Replica::index).max().orElse(0) + 1;
    return of(service, operationId, current, first, count);
  }
}
