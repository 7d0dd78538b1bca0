package io.mooring.workflows.service;

import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.services.ServiceState;

/**
 * The service workflow's current details in the Temporal UI (Markdown): which action runs and who
 * asked, or that the service waits for the next one. Not part of the history: the UI asks for them.
 */
final class ActionDetails {

  private ActionDetails() {}

  static String running(String service, ActionRequest request) {
    ActionOrigin origin = request.origin();
    String who = origin == null || origin.username() == null ? "Mooring" : origin.username();
    return "**Now** " + request.action().title() + " of " + service
        + (request.container() == null ? "" : ", container " + request.container())
        + (request.target() == null ? "" : ", to " + request.target() + " container(s)") + "  \n"
        + "**Asked by** " + who + "  \n"
        + "**Action** " + request.actionId();
  }

  static String idle(String service, ServiceState state) {
    return "**Service** " + service + ", " + state.label() + "  \n**Waiting** for its next action";
  }
}
