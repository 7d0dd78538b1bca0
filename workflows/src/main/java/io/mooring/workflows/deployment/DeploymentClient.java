package io.mooring.workflows.deployment;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.WorkerTakeover;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Starts, watches and cancels deployment workflows from outside Temporal. */
@Component
public class DeploymentClient {

  private final WorkflowClient client;
  private final DeploymentSearchAttributes searchAttributes;

  public DeploymentClient(WorkflowClient client, DeploymentSearchAttributes searchAttributes) {
    this.client = client;
    this.searchAttributes = searchAttributes;
  }

  /**
   * Starts the workflow and waits for its admission verdict in the same call (update-with-start),
   * so the caller learns synchronously whether the deployment really goes ahead.
   */
  public Admission start(DeploymentRequest request) {
    DeploymentWorkflow workflow = client.newWorkflowStub(DeploymentWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DeploymentRequest.workflowId(request.deploymentId()))
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .setTypedSearchAttributes(searchAttributes.forNewDeployment(request))
        .build());
    return WorkflowClient.executeUpdateWithStart(
        workflow::admit,
        UpdateOptions.newBuilder(Admission.class).setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(workflow::deploy, request));
  }

  /** Live progress, or empty when the workflow cannot answer (finished long ago, worker away). */
  public Optional<DeploymentProgress> progress(UUID deploymentId) {
    try {
      return Optional.ofNullable(client.newWorkflowStub(DeploymentWorkflow.class,
          DeploymentRequest.workflowId(deploymentId)).progress());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Asks the deployment to stop; it rolls back (or leaves the line) and ends as failed. */
  public void cancel(UUID deploymentId, String reason) {
    client.newUntypedWorkflowStub(DeploymentRequest.workflowId(deploymentId)).cancel(reason);
  }

  public DeploymentOutcome outcome(UUID deploymentId) {
    return client.newUntypedWorkflowStub(DeploymentRequest.workflowId(deploymentId)).getResult(DeploymentOutcome.class);
  }
}
