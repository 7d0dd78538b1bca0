package io.mooring.api.tutum;

import io.mooring.activities.services.ServiceRecord;
import io.mooring.api.common.actions.ActionOrigins;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.links.PublicLinks;
import io.mooring.workflows.service.ActionAccepted;
import io.mooring.workflows.service.ActionRequest;
import io.mooring.workflows.service.LifecycleClient;
import io.mooring.workflows.service.LifecycleClient.ActionRefusedException;
import io.mooring.workflows.service.ServiceAction;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Hands an action on a service, or on one of its containers, to the service's workflow, which takes
 * it in or refuses it for the state the service is in; and answers as Tutum did.
 */
@Component
class ActionIntake {

  private final LifecycleClient lifecycle;
  private final PublicLinks links;

  ActionIntake(LifecycleClient lifecycle, PublicLinks links) {
    this.lifecycle = lifecycle;
    this.links = links;
  }

  /**
   * @param target the number of containers a scale asks for, else null
   * @param container the engine's name of the container a container's action acts on, else null
   * @param body the request's body as sent, for the action's record; null when it had none
   */
  ActionAccepted take(ServiceRecord record, ServiceAction action, Integer target, String container,
      Principal principal, HttpServletRequest http, String body) {
    UUID id = UUID.randomUUID();
    try {
      return lifecycle.request(record.uuid(), record.uniqueName(), record.state(),
          new ActionRequest(id, action, target, ActionOrigins.of(http, principal, body), links.deploymentStatus(id),
              links.deploymentLogs(id), container));
    } catch (ActionRefusedException e) {
      throw refused(e.getMessage());
    }
  }

  static ApiProblem refused(String sentence) {
    return new ApiProblem(HttpStatus.CONFLICT, "action-not-allowed", sentence);
  }

  /** Tutum's SDK reloads its object from the answer, so a 202 carries the object; the action is in the headers. */
  static <T> ResponseEntity<T> accepted(UUID actionId, T object) {
    String action = ServiceObjects.ACTIONS + actionId + "/";
    return ResponseEntity.accepted()
        .header("X-Tutum-Action-URI", action)
        .location(URI.create(action))
        .body(object);
  }
}
