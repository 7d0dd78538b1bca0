package io.mooring.workflows.gate;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.common.WorkerTakeover;
import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Release;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.workflow.Functions;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Talks to the {@link DeploymentGate} workflow from outside: the API and the gate activities.
 * Every change is an update-with-start, so the gate comes back with its initial state if an
 * operator ever terminated it, instead of leaving every deployment stuck.
 */
@Component
public class GateClient {

  private final WorkflowClient client;

  public GateClient(WorkflowClient client) {
    this.client = client;
  }

  /** Starts the gate workflow unless it runs already. */
  public void open() {
    WorkflowClient.start(newGate()::run, GateState.initial());
  }

  public GateState state() {
    try {
      return client.newWorkflowStub(DeploymentGate.class, DeploymentGate.WORKFLOW_ID).state();
    } catch (WorkflowNotFoundException neverStarted) {
      return GateState.initial();
    }
  }

  public Decision acquire(Acquire request) {
    return update(gate -> gate::acquire, request, Decision.class);
  }

  public GateState release(Release request) {
    return update(gate -> gate::release, request, GateState.class);
  }

  public GateState hold(Hold request) {
    return update(gate -> gate::hold, request, GateState.class);
  }

  public GateState leave(Leave request) {
    return update(gate -> gate::leave, request, GateState.class);
  }

  public Decision turn(Switch request) {
    return update(gate -> gate::turn, request, Decision.class);
  }

  /** A stub that starts the gate if needed and otherwise joins the running one. */
  private DeploymentGate newGate() {
    return client.newWorkflowStub(DeploymentGate.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DeploymentGate.WORKFLOW_ID)
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .build());
  }

  private <A, R> R update(Function<DeploymentGate, Functions.Func1<A, R>> method, A argument, Class<R> result) {
    DeploymentGate gate = newGate();
    return WorkflowClient.executeUpdateWithStart(
        method.apply(gate),
        argument,
        UpdateOptions.newBuilder(result).setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(gate::run, GateState.initial()));
  }
}
