package io.mooring.workflows.watch;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.common.WorkerTakeover;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/**
 * Talks to the {@link RegistryWatch} workflow from outside. Every call starts the watcher if it
 * does not run, so an operator who terminated it brings it back with the next change.
 */
@Component
public class WatchClient {

  private final WorkflowClient client;

  public WatchClient(WorkflowClient client) {
    this.client = client;
  }

  /** Starts the watcher unless it runs already. */
  public void open() {
    WorkflowClient.start(newWatch()::watch, WatchState.initial());
  }

  /** Makes the watcher look again now, starting it if needed. */
  public void wake() {
    BatchRequest batch = client.newSignalWithStartRequest();
    RegistryWatch watch = newWatch();
    batch.add(watch::watch, WatchState.initial());
    batch.add(watch::wake);
    client.signalWithStart(batch);
  }

  private RegistryWatch newWatch() {
    return client.newWorkflowStub(RegistryWatch.class, options());
  }

  private static WorkflowOptions options() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(RegistryWatch.WORKFLOW_ID)
        .setTaskQueue(TaskQueues.MOORING)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowTaskTimeout(WorkerTakeover.WORKFLOW_TASK)
        .build();
  }
}
