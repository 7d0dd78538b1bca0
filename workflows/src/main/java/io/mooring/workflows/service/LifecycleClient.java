package io.mooring.workflows.service;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.activities.services.ServiceState;
import io.mooring.workflows.common.WorkerTakeover;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
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
    ServiceWorkflow workflow = workflow(uuid, name);
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

  /**
   * Tells the service's workflow a container stopped; it acts on it by its autodestroy or
   * autoreplace. Empty when it does not: nothing applies, or the service leaves it be (its
   * validator refuses such a stop before anything is written, so asking again costs no history).
   */
  public Optional<ActionAccepted> containerStopped(UUID uuid, String name, ServiceState stored,
      StoppedContainer stopped) {
    ServiceWorkflow workflow = workflow(uuid, name);
    try {
      return Optional.ofNullable(WorkflowClient.executeUpdateWithStart(
          workflow::containerStopped,
          stopped,
          UpdateOptions.newBuilder(ActionAccepted.class).setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
          new WithStartWorkflowOperation<>(workflow::manage, new ServiceRun(uuid, name, stored, List.of()))));
    } catch (WorkflowUpdateException leftBe) {
      return Optional.empty();
    }
  }

  private ServiceWorkflow workflow(UUID uuid, String name) {
    return client.newWorkflowStub(ServiceWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(ServiceWorkflow.workflowId(uuid))
        // The Temporal UI's list shows which service this is; its current details, which action runs.
        .setStaticSummary("Service " + name + ": its lifecycle actions, one at a time")
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .build());
  }

  /** An action the service's state does not allow; the message says which state and what it allows. */
  public static final class ActionRefusedException extends RuntimeException {
    public ActionRefusedException(String message) {
      super(message);
    }
  }
}
