package io.mooring.api.temporal;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.gate.DeploymentGate;
import io.mooring.workflows.gate.GateState;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure the deployment gate workflow runs, so operators see it in the Temporal UI from the start. */
@Component
class GateOpener implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(GateOpener.class);

  private final WorkflowClient client;

  GateOpener(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      DeploymentGate gate = client.newWorkflowStub(DeploymentGate.class, WorkflowOptions.newBuilder()
          .setWorkflowId(DeploymentGate.WORKFLOW_ID)
          .setTaskQueue(TaskQueues.MOORING)
          .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
          .build());
      WorkflowClient.start(gate::run, GateState.initial());
    } catch (RuntimeException e) {
      // Not fatal: every gate change is an update-with-start and brings the gate up on first use.
      log.warn("Could not start the deployment gate yet: {}", e.getMessage());
    }
  }
}
