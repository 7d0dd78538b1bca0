package io.mooring.workflows.gate;

import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Release;
import io.temporal.activity.ActivityInterface;

/**
 * A deployment's way to the gate. A workflow cannot send an Update to another workflow, so these
 * activities do it; the gate's answers are idempotent, so retries are harmless.
 */
@ActivityInterface(namePrefix = "Gate")
public interface GateActivities {

  GateState inspect();

  Decision acquire(Acquire request);

  GateState release(Release request);

  GateState hold(Hold request);

  GateState leave(Leave request);
}
