package io.mooring.workflows.deployment;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.common.WorkerTakeover;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Starts, watches and cancels deployment workflows from outside Temporal. */
@Component
public class DeploymentClient {

  private static final Duration PROGRESS_WAIT = Duration.ofSeconds(1);

  private final WorkflowClient client;
  private final DeploymentSearchAttributes searchAttributes;
  /** Few threads: a query held by a busy workflow ties one up only until its task ends. */
  private final ExecutorService queries = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "deployment-progress");
    thread.setDaemon(true);
    return thread;
  });

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
        // A deployment id runs once: a retried start of one that already ended is refused too.
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .setTypedSearchAttributes(searchAttributes.forNewDeployment(request))
        .setStaticSummary(request.summary())
        .setStaticDetails(request.details())
        .build());
    return WorkflowClient.executeUpdateWithStart(
        workflow::admit,
        UpdateOptions.newBuilder(Admission.class).setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(workflow::deploy, request));
  }

  /**
   * Live progress, or empty when the workflow cannot answer at once: finished long ago, its worker
   * away, or in the middle of a step (Temporal holds a query until the workflow task in progress
   * ends, which local activities can stretch to seconds). The stored record answers alone then.
   */
  public Optional<DeploymentProgress> progress(UUID deploymentId) {
    CompletableFuture<DeploymentProgress> answer = CompletableFuture.supplyAsync(() -> client.newWorkflowStub(
        DeploymentWorkflow.class, DeploymentRequest.workflowId(deploymentId)).progress(), queries);
    try {
      return Optional.ofNullable(answer.get(PROGRESS_WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @PreDestroy
  void stopAsking() {
    queries.shutdownNow();
  }

  /**
   * Asks the deployment to stop; it rolls back (or leaves the line) and ends as failed. False when
   * its workflow no longer runs (it ended a moment ago, or its history is gone), so nothing was asked.
   */
  public boolean cancel(UUID deploymentId, String reason) {
    try {
      client.newUntypedWorkflowStub(DeploymentRequest.workflowId(deploymentId)).cancel(reason);
      return true;
    } catch (WorkflowNotFoundException notRunning) {
      return false;
    }
  }

  public DeploymentOutcome outcome(UUID deploymentId) {
    return client.newUntypedWorkflowStub(DeploymentRequest.workflowId(deploymentId)).getResult(DeploymentOutcome.class);
  }
}
