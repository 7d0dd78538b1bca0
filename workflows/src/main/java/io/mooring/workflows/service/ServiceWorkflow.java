package io.mooring.workflows.service;

import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.workflows.deployment.ServiceTurnActivities.DeploymentEnded;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
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

  /**
   * A container stopped without Mooring stopping it: the service's autodestroy or autoreplace
   * decides what happens, as an action of its own. Null when nothing does (the policy does not
   * apply, or the container runs again).
   */
  @UpdateMethod
  ActionAccepted containerStopped(StoppedContainer stopped);

  /**
   * Refuses, before anything is written, a stop the service does not act on: it is not meant to
   * run, an action changes its containers, a person stopped the container, or its action is taken.
   */
  @UpdateValidatorMethod(updateName = "containerStopped")
  void onlyStopsToActOn(StoppedContainer stopped);

  @QueryMethod
  ServiceRun state();

  /** A Harmony deployment that took the service's turn ended; the next action may go. */
  @SignalMethod
  void deploymentEnded(DeploymentEnded ended);

  static String workflowId(UUID uuid) {
    return "service-" + uuid;
  }
}
