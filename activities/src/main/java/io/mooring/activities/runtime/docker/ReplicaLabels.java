package io.mooring.activities.runtime.docker;

import io.mooring.activities.runtime.InstanceOf;
import java.util.Map;
import java.util.UUID;

/**
 * The labels that tie a container to its service, the operation that made it and its number: how
 * the Docker Engine keeps {@link InstanceOf} beside each container, and finds a service's.
 */
public final class ReplicaLabels {
  public static final String SERVICE = "mooring.service";
  public static final String DEPLOYMENT = "mooring.deployment";
  public static final String REPLICA = "mooring.replica";
  public static final String PORT = "mooring.port";
  public static final String TAG = "mooring.tag";
  public static final String ROLE = "mooring.role";

  private ReplicaLabels() {}

  static Map<String, String> replica(String service, UUID operation, int number, int port, String tag) {
    return Map.of(
        SERVICE, service,
        DEPLOYMENT, operation.toString(),
        REPLICA, Integer.toString(number),
        PORT, Integer.toString(port),
        TAG, tag,
        ROLE, "replica");
  }

  static Map<String, String> regression(String service, UUID operation) {
    return Map.of(SERVICE, service, DEPLOYMENT, operation.toString(), ROLE, "regression");
  }

  /** What the labels say of the container; {@link InstanceOf#NONE} for a container of no service. */
  static InstanceOf read(Map<String, String> labels) {
    if (labels == null || !labels.containsKey(SERVICE)) {
      return InstanceOf.NONE;
    }
    return new InstanceOf(labels.get(SERVICE), labels.get(DEPLOYMENT), number(labels.get(REPLICA)),
        number(labels.get(PORT)), labels.get(TAG));
  }

  private static int number(String label) {
    try {
      return label == null ? 0 : Integer.parseInt(label);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }
}
