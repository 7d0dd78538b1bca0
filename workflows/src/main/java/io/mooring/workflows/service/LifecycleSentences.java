package io.mooring.workflows.service;

import io.mooring.activities.services.ServiceState;
import java.util.List;
import java.util.UUID;

/** What the service lifecycle tells people, in one place. */
public final class LifecycleSentences {
  private LifecycleSentences() {}

  /** Said once when the engine stops answering, for whoever reads Mooring's log. */
  public static String engineUnreachable(String endpoint, String why) {
    return "The container engine at " + endpoint + " is unreachable (" + why + "). Services cannot start, stop or"
        + " deploy, and stopped containers are not acted on, until it answers. Start it, or point"
        + " mooring.runtime.docker-host (DOCKER_HOST) at one; /actuator/health reports it as DOWN meanwhile.";
  }

  /** Said once when it answers again. */
  public static String engineBack(String endpoint) {
    return "The container engine at " + endpoint + " answers again.";
  }

  public static String terminated(String service) {
    return "Service " + service + " is Terminated. No actions are allowed in this state.";
  }

  /** Seed 002's table, said for one service: the state it is in and what that state allows. */
  public static String notAllowed(String service, ServiceState state, ServiceAction action) {
    List<String> allowed = ServiceAction.allowedBy(state).stream().map(ServiceAction::verb).toList();
    return "Service " + service + " is " + state.label() + ", which does not allow " + action.verb() + ". "
        + (allowed.isEmpty() ? "No actions are allowed in this state."
            : "Possible actions in this state: " + String.join(", ", allowed) + ".");
  }

  /** The same for one container: what its service's state allows its containers. */
  public static String containerNotAllowed(String service, ServiceState state, ServiceAction action) {
    List<String> allowed = ServiceAction.containerActionsAllowedBy(state).stream().map(ServiceAction::verb).toList();
    return "Service " + service + " is " + state.label() + ", which does not allow a container to " + action.verb()
        + ". " + (allowed.isEmpty() ? "Its containers allow no actions in this state."
            : "Its containers may: " + String.join(", ", allowed) + ".");
  }

  /**
   * A Harmony deployment the service's state does not let in: deployments roll over the containers
   * of a service that is Init (its first), Running or Partly running, and wait for nothing.
   */
  public static String deploymentNotAllowed(String service, ServiceState state) {
    String advice = switch (state) {
      case STOPPED -> "It runs no containers to roll over; start it first.";
      case NOT_RUNNING -> "It runs no containers to roll over; scale it up first.";
      case TERMINATED -> "No actions are allowed in this state.";
      default -> "Try again once it has settled.";
    };
    return "Service " + service + " is " + state.label() + ", which does not allow a deployment. " + advice;
  }

  /** A deployment's service is not among the records (it never is deleted, so only a broken database gets here). */
  public static String serviceGone(UUID uuid) {
    return "Service " + uuid + " is not stored, so it cannot be deployed";
  }

  /** A container's action names a container the service no longer has. */
  public static String containerGone(String container) {
    return "Container " + container + " is gone from the engine";
  }
}
