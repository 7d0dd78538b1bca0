package io.mooring.workflows.service;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceStore;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.deployment.ServiceTurnActivities;
import io.mooring.workflows.service.LifecycleClient.ActionRefusedException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

/** Takes a deployment into its service's workflow as a {@link ServiceAction#DEPLOY}, and tells it the end. */
@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class ServiceTurnActivitiesImpl implements ServiceTurnActivities {

  private final LifecycleClient lifecycle;
  private final ServiceStore services;
  private final WorkflowClient client;

  public ServiceTurnActivitiesImpl(LifecycleClient lifecycle, ServiceStore services, WorkflowClient client) {
    this.lifecycle = lifecycle;
    this.services = services;
    this.client = client;
  }

  @Override
  public Turn take(TakeTurn request) {
    ServiceRecord record = services.record(request.service()).orElse(null);
    if (record == null) {
      return new Turn(false, LifecycleSentences.serviceGone(request.service()));
    }
    try {
      // The deployment's id is the action's: a retried take is the same Update, taken in once.
      lifecycle.request(record.uuid(), record.uniqueName(), record.state(), new ActionRequest(request.deploymentId(),
          ServiceAction.DEPLOY, null, request.origin(), request.statusLink(), request.logsLink()));
      return new Turn(true, null);
    } catch (ActionRefusedException refused) {
      return new Turn(false, refused.getMessage());
    }
  }

  @Override
  public void giveBack(DeploymentEnded request) {
    try {
      client.newWorkflowStub(ServiceWorkflow.class, ServiceWorkflow.workflowId(request.service()))
          .deploymentEnded(request);
    } catch (WorkflowNotFoundException serviceWorkflowGone) {
      // Nothing waits for this deployment any more.
    }
  }

  @Override
  public boolean stillRunning(FindDeployment request) {
    try {
      return client.newUntypedWorkflowStub(DeploymentRequest.workflowId(request.deploymentId())).describe()
          .getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException gone) {
      return false;
    }
  }
}
