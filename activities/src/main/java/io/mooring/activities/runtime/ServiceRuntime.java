package io.mooring.activities.runtime;

import java.util.List;

/**
 * A runtime that places, restarts and networks a service's instances itself (Docker Swarm): Mooring
 * states the service and watches its instances converge, where on a single engine it starts and
 * stops each container. Every call is safe to repeat.
 */
public interface ServiceRuntime {

  /** Where the runtime's manager listens, for messages that tell an operator what to fix. */
  String endpoint();

  /**
   * Creates the service, or updates it to what is stated; stating what already runs changes
   * nothing, so a retried call never applies twice.
   */
  void apply(ServiceToRun service);

  /**
   * The service's instances the runtime means to run, each with its node and state, numbered by
   * their slot; empty when the service does not exist.
   */
  List<ContainerStatus> instancesOf(String service);

  /** Removes the service and its instances; nothing when it does not exist. */
  void remove(String service);
}
