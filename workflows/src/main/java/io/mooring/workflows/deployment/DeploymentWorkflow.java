package io.mooring.workflows.deployment;

import io.mooring.workflows.gate.GateWaiter;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One deployment of one tag of one service, from validation to its single terminal status. */
@WorkflowInterface
public interface DeploymentWorkflow extends GateWaiter {

  @WorkflowMethod
  DeploymentOutcome deploy(DeploymentRequest request);

  /**
   * Sent together with the start (update-with-start); answers once the image is validated and the
   * lock taken, queued or refused, so the caller gets a synchronous verdict.
   */
  @UpdateMethod
  Admission admit();

  @QueryMethod
  DeploymentProgress progress();
}
