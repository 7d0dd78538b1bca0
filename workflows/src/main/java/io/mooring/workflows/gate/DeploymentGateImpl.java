package io.mooring.workflows.gate;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Grant;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Outcome;
import io.mooring.workflows.gate.GateMessages.Release;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.mooring.workflows.gate.GateState.Waiter;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

@WorkflowImpl(taskQueues = TaskQueues.MOORING)
public class DeploymentGateImpl implements DeploymentGate {

  private static final Logger log = Workflow.getLogger(DeploymentGateImpl.class);

  private boolean enabled;
  private String message;
  private String holder;
  private final List<Waiter> queue = new ArrayList<>();
  /** Grants decided by handlers, delivered by the main loop (handlers should not block on I/O). */
  private final Deque<Waiter> grantsToSend = new ArrayDeque<>();

  /**
   * State comes from the constructor, not from {@link #run}: an update sent with the start
   * (update-with-start) is handled before the workflow method body runs.
   */
  @WorkflowInit
  public DeploymentGateImpl(GateState state) {
    enabled = state.enabled();
    message = state.message();
    holder = state.holder();
    queue.addAll(state.queue());
    if (enabled) {
      handOff();
    }
  }

  @Override
  public void run(GateState state) {
    while (true) {
      Workflow.await(() -> !grantsToSend.isEmpty() || Workflow.getInfo().isContinueAsNewSuggested());
      while (!grantsToSend.isEmpty()) {
        deliver(grantsToSend.removeFirst());
      }
      if (Workflow.getInfo().isContinueAsNewSuggested()) {
        // Keep the history short: the gate lives forever. Finish every in-flight update first.
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && grantsToSend.isEmpty());
        Workflow.continueAsNew(state());
      }
    }
  }

  @Override
  public Decision acquire(Acquire request) {
    if (request.deploymentId().equals(holder)) {
      return new Decision(Outcome.GRANTED, 0, message);
    }
    int place = state().placeOf(request.deploymentId());
    if (place > 0) {
      return new Decision(Outcome.QUEUED, place, message);
    }
    // An open gate has nobody in line: opening hands it straight to the first waiter.
    if (enabled) {
      take(request.deploymentId(), request.lockMessage());
      return new Decision(Outcome.GRANTED, 0, message);
    }
    if (!request.queue()) {
      return new Decision(Outcome.REFUSED, 0, message);
    }
    queue.add(new Waiter(request.deploymentId(), request.workflowId(), request.lockMessage()));
    return new Decision(Outcome.QUEUED, queue.size(), message);
  }

  @Override
  public GateState release(Release request) {
    if (request.deploymentId().equals(holder)) {
      open(request.message());
    }
    return state();
  }

  @Override
  public GateState hold(Hold request) {
    if (request.deploymentId().equals(holder)) {
      holder = null;
      enabled = false;
      message = request.message();
    }
    return state();
  }

  @Override
  public GateState leave(Leave request) {
    queue.removeIf(w -> w.deploymentId().equals(request.deploymentId()));
    if (request.deploymentId().equals(holder)) {
      open("Re-enable service deployment after cancelled deployment: " + request.deploymentId());
    }
    return state();
  }

  @Override
  public Decision turn(Switch request) {
    if (request.enabled()) {
      open(request.message());
      return new Decision(Outcome.GRANTED, 0, request.message());
    }
    if (!enabled) {
      return new Decision(Outcome.REFUSED, 0, message);
    }
    enabled = false;
    holder = null;
    message = request.message();
    return new Decision(Outcome.GRANTED, 0, message);
  }

  @Override
  public GateState state() {
    return new GateState(enabled, message, holder, queue);
  }

  private void take(String deploymentId, String lockMessage) {
    enabled = false;
    holder = deploymentId;
    message = lockMessage;
  }

  private void open(String openMessage) {
    enabled = true;
    holder = null;
    message = openMessage;
    handOff();
  }

  /** An open gate with deployments in line goes straight to the first of them. */
  private void handOff() {
    if (enabled && !queue.isEmpty()) {
      Waiter next = queue.remove(0);
      take(next.deploymentId(), next.lockMessage());
      grantsToSend.addLast(next);
    }
  }

  private void deliver(Waiter waiter) {
    try {
      Workflow.newExternalWorkflowStub(GateWaiter.class, waiter.workflowId())
          .gateGranted(new Grant(waiter.deploymentId()));
    } catch (RuntimeException gone) {
      // The waiter ended before it heard (cancelled or terminated): pass the lock on.
      log.warn("Deployment {} could not take the gate: {}", waiter.deploymentId(), gone.getMessage());
      if (waiter.deploymentId().equals(holder)) {
        open("Re-enable service deployment: deployment " + waiter.deploymentId() + " ended while queued");
      }
    }
  }
}
