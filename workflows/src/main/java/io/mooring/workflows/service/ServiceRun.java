package io.mooring.workflows.service;

import io.mooring.activities.store.ServiceState;
import java.util.List;
import java.util.UUID;

/**
 * The one state record of a service's workflow, carried across continue-as-new.
 *
 * @param name the service's unique name
 * @param state the state the workflow last entered
 * @param queue actions taken in and not yet carried out, oldest first
 * @param stoppedOnPurpose containers a Container Stop stopped: autoreplace and autodestroy leave
 *     them be (empty in runs recorded before Mooring watched for stops)
 */
public record ServiceRun(UUID uuid, String name, ServiceState state, List<QueuedAction> queue,
    List<String> stoppedOnPurpose) {

  public ServiceRun {
    queue = queue == null ? List.of() : List.copyOf(queue);
    stoppedOnPurpose = stoppedOnPurpose == null ? List.of() : List.copyOf(stoppedOnPurpose);
  }

  public ServiceRun(UUID uuid, String name, ServiceState state, List<QueuedAction> queue) {
    this(uuid, name, state, queue, List.of());
  }
}
