package io.mooring.workflows.gate;

import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Release;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The single global deployment lock, as one long-lived workflow. Every change is a Temporal Update,
 * so a compare-and-set on the lock is atomic and its answer is synchronous.
 */
@WorkflowInterface
public interface DeploymentGate {

  String WORKFLOW_ID = "deployment-gate";

  @WorkflowMethod
  void run(GateState state);

  @UpdateMethod
  Decision acquire(Acquire request);

  @UpdateMethod
  GateState release(Release request);

  @UpdateMethod
  GateState hold(Hold request);

  @UpdateMethod
  GateState leave(Leave request);

  @UpdateMethod
  Decision turn(Switch request);

  @QueryMethod
  GateState state();
}
