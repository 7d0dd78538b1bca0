package io.mooring.workflows.gate;

import io.temporal.workflow.SignalMethod;

/** A workflow that can wait in the gate's line: the gate signals it when the lock is its own. */
public interface GateWaiter {

  @SignalMethod
  void gateGranted(GateMessages.Grant grant);
}
