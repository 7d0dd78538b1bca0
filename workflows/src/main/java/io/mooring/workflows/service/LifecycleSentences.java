package io.mooring.workflows.service;

import io.mooring.activities.store.ServiceState;
import java.util.List;

/** What the service lifecycle tells people, in one place. */
public final class LifecycleSentences {
  private LifecycleSentences() {}

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

  /** A container's action names a container the service no longer has. */
  public static String containerGone(String container) {
    return "Container " + container + " is gone from the engine";
  }
}
