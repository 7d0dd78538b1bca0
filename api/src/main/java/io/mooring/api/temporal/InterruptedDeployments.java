package io.mooring.api.temporal;

import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.deployments.DeploymentMetrics;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, finds deployments that history says are running but whose workflow is gone (the
 * embedded Temporal server forgets everything on restart) or has ended without saying how. They are
 * marked failed with the reason, and the gate is held, naming them: their containers may be half
 * rolled over, so an operator looks before deployments resume.
 */
@Component
@Order(1)
class InterruptedDeployments implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InterruptedDeployments.class);

  private final DeploymentStore deployments;
  private final OperationLog deploymentLog;
  private final WorkflowClient client;
  private final GateClient gate;
  private final DeploymentMetrics metrics;

  InterruptedDeployments(DeploymentStore deployments, OperationLog deploymentLog, WorkflowClient client, GateClient gate,
      DeploymentMetrics metrics) {
    this.metrics = metrics;
    this.deployments = deployments;
    this.deploymentLog = deploymentLog;
    this.client = client;
    this.gate = gate;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> interrupted = new ArrayList<>();
    for (DeploymentRecord record : deployments.running()) {
      whyLost(record).ifPresent(reason -> {
        String message = "Failed service deployment for deploymentId: " + record.id() + ". Error: " + reason;
        if (deployments.finish(record.id(), DeploymentStatus.FAILED, message, false)) {
          deploymentLog.append(record.id(), "finish", message);
          deployments.find(record.id()).ifPresent(ended -> metrics.finished(ended, ended.updatedAt()));
          interrupted.add(record.id() + " (" + record.service() + ")");
          log.warn("{}", message);
        }
      });
    }
    if (!interrupted.isEmpty()) {
      gate.turn(new Switch(false, "Deployments interrupted by a restart: " + String.join(", ", interrupted)
          + ". Check their services' containers, then re-enable service deployment"));
    }
  }

  /** Why the deployment's workflow can no longer finish it, or empty if it still can. */
  private Optional<String> whyLost(DeploymentRecord record) {
    try {
      WorkflowExecutionStatus status = client.newUntypedWorkflowStub(DeploymentRequest.workflowId(record.id()))
          .describe().getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return Optional.empty();
      }
      return Optional.of("its workflow ended (" + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase()
          + ") without recording an outcome");
    } catch (WorkflowNotFoundException gone) {
      return Optional.of("Mooring restarted and the deployment's workflow no longer exists (the embedded Temporal "
          + "server keeps no state across restarts); its containers may need checking");
    }
  }
}
