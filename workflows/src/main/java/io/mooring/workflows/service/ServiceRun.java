package io.mooring.workflows.service;

import io.mooring.activities.services.ServiceState;
import java.util.List;
import java.util.UUID;

/**
 * The one state record of a service's workflow, carried across continue-as-new.
 *
 * @param name the service's unique name
 * @param state the state the workflow last entered
 * @param queue actions taken in and not yet carried out, oldest first
 * @param leftStopped containers autoreplace and autodestroy leave be: a person stopped them, or
 *     Mooring's own action on them failed (empty in runs recorded before Mooring watched for stops)
 */
public record ServiceRun(UUID uuid, String name, ServiceState state, List<QueuedAction> queue,
    List<String> leftStopped) {

  public ServiceRun {
    queue = queue == null ? List.of() : List.copyOf(queue);
    leftStopped = leftStopped == null ? List.of() : List.copyOf(leftStopped);
  }

  public ServiceRun(UUID uuid, String name, ServiceState state, List<QueuedAction> queue) {
    this(uuid, name, state, queue, List.of());
  }
}
