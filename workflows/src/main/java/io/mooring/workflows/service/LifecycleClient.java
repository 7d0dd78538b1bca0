package io.mooring.workflows.service;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.store.ServiceState;
import io.mooring.workflows.WorkerTakeover;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Asks a service's workflow for an action, starting the workflow if it does not run yet. */
@Component
public class LifecycleClient {

  private final WorkflowClient client;

  public LifecycleClient(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Takes the action in (update-with-start: the service's workflow starts on its first action, from
   * the state its record holds), and answers once the service entered the action's state.
   *
   * @param stored the state the service's record holds, for a workflow that starts now
   * @throws ActionRefusedException when the service's state does not allow the action
   */
  public ActionAccepted request(UUID uuid, String name, ServiceState stored, ActionRequest request) {
    ServiceWorkflow workflow = client.newWorkflowStub(ServiceWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(ServiceWorkflow.workflowId(uuid))
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .build());
    try {
      return WorkflowClient.executeUpdateWithStart(
          workflow::request,
          request,
          UpdateOptions.newBuilder(ActionAccepted.class)
              .setUpdateId(request.actionId().toString())
              .setWaitForStage(WorkflowUpdateStage.COMPLETED)
              .build(),
          new WithStartWorkflowOperation<>(workflow::manage, new ServiceRun(uuid, name, stored, List.of())));
    } catch (WorkflowUpdateException e) {
      if (e.getCause() instanceof ApplicationFailure failure && ServiceWorkflow.NOT_ALLOWED.equals(failure.getType())) {
        throw new ActionRefusedException(failure.getOriginalMessage());
      }
      throw e;
    }
  }

  /** An action the service's state does not allow; the message says which state and what it allows. */
  public static final class ActionRefusedException extends RuntimeException {
    public ActionRefusedException(String message) {
      super(message);
    }
  }
}
