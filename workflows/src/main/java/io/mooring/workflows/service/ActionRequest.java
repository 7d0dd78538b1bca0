package io.mooring.workflows.service;

import io.mooring.activities.actions.ActionOrigin;
import java.util.UUID;

/**
 * One action asked of a service.
 *
 * @param actionId chosen by the caller, so a retried request is the same action
 * @param target the number of containers a scale asks for; null for other actions
 * @param origin who asked, and how
 * @param statusLink where a redeploy's deployment status is read (other actions ignore it)
 * @param logsLink where a redeploy's deployment log is read (other actions ignore it)
 * @param container the engine's name of the container a container's action acts on; null for a
 *     service's action
 */
public record ActionRequest(
    UUID actionId, ServiceAction action, Integer target, ActionOrigin origin, String statusLink, String logsLink,
    String container) {

  /** A service's action. */
  public ActionRequest(UUID actionId, ServiceAction action, Integer target, ActionOrigin origin, String statusLink,
      String logsLink) {
    this(actionId, action, target, origin, statusLink, logsLink, null);
  }
}
