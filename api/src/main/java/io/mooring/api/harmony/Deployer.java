package io.mooring.api.harmony;

import io.mooring.activities.TaskQueues;
import io.mooring.api.errors.ApiProblem;
import io.mooring.workflows.deployment.Admission;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.deployment.DeploymentWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts a deployment workflow and waits for its admission verdict in the same call
 * (update-with-start), so the HTTP answer says whether the deployment really goes ahead.
 */
@Component
class Deployer {

  private final WorkflowClient client;

  Deployer(WorkflowClient client) {
    this.client = client;
  }

  Admission start(DeploymentRequest request) {
    DeploymentWorkflow workflow = client.newWorkflowStub(DeploymentWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DeploymentRequest.workflowId(request.deploymentId()))
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .build());
    Admission admission = WorkflowClient.executeUpdateWithStart(
        workflow::admit,
        UpdateOptions.newBuilder(Admission.class).setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(workflow::deploy, request));
    return switch (admission.verdict()) {
      case ADMITTED, QUEUED -> admission;
      case DISABLED -> throw new ApiProblem(HttpStatus.LOCKED, "deployment-disabled", admission.detail());
      case LOCKED -> throw new ApiProblem(HttpStatus.LOCKED, "deployment-locked", admission.detail());
      case UNREACHABLE -> throw ApiProblem.notFound("image-unreachable", admission.detail());
      case REGISTRY_UNAVAILABLE -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          admission.detail());
    };
  }
}
