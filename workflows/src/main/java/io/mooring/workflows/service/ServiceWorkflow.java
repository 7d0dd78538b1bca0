package io.mooring.workflows.service;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.UUID;

/**
 * One service's life: it owns the service's state machine and carries out its actions one at a
 * time, so no two ever change its containers at once, across crashes too.
 */
@WorkflowInterface
public interface ServiceWorkflow {

  /** The failure type of an action the service's state does not allow. */
  String NOT_ALLOWED = "ActionNotAllowed";

  @WorkflowMethod
  void manage(ServiceRun run);

  /**
   * Takes an action in, or refuses it ({@link #NOT_ALLOWED}) when the service's state does not
   * allow it; answers once the service entered the action's state, before it is carried out.
   */
  @UpdateMethod
  ActionAccepted request(ActionRequest request);

  @QueryMethod
  ServiceRun state();

  static String workflowId(UUID uuid) {
    return "service-" + uuid;
  }
}
