package io.mooring.workflows.deployment;

import io.mooring.workflows.gate.DeploymentGateImpl;
import io.mooring.workflows.service.ServiceWorkflowImpl;
import io.mooring.workflows.watch.RegistryWatchImpl;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Today's workflow code must replay the histories of yesterday's deployments and services: a change that would
 * break running deployments (reordered steps, a new activity without {@code Workflow.getVersion})
 * fails here instead of in production.
 */
class ReplayTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deployment-success", "deployment-rollback", "deployment-cancel", "deployment-queued",
      "deployment-searchable", "deployment-searchable-planned-by-activity", "deployment-in-its-services-turn",
      "deployment-success-in-runtime-steps", "deployment-rollback-in-runtime-steps", "deployment-cancel-in-runtime-steps",
      "deployment-queued-in-runtime-steps", "deployment-searchable-in-runtime-steps",
      "deployment-in-its-services-turn-in-runtime-steps"})
  void deploymentWorkflowReplaysItsRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        GoldenHistories.FOLDER + "/" + name + ".json", DeploymentWorkflowImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"service-deploy-turn", "service-autoreplace", "service-terminated",
      "service-stopped-in-one-step", "service-stop-and-terminate-look-as-they-change", "service-deploy-waits-for-the-end-before",
      "service-stop-and-terminate-look-as-they-change-in-runtime-steps", "service-deploy-turn-in-runtime-steps",
      "service-deploy-waits-for-the-end-before-in-runtime-steps", "service-autoreplace-in-runtime-steps",
      "service-scaled-in-runtime-steps", "service-container-actions-in-runtime-steps",
      "service-stop-and-terminate-look-as-they-change-in-local-changes", "service-deploy-turn-in-local-changes",
      "service-deploy-waits-for-the-end-before-in-local-changes", "service-autoreplace-in-local-changes",
      "service-scaled-in-local-changes", "service-container-actions-in-local-changes"})
  void serviceWorkflowReplaysItsRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        GoldenHistories.FOLDER + "/" + name + ".json", ServiceWorkflowImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"watch-cycles"})
  void registryWatchReplaysItsRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        GoldenHistories.FOLDER + "/" + name + ".json", RegistryWatchImpl.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gate-hand-off"})
  void gateReplaysItsRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        GoldenHistories.FOLDER + "/" + name + ".json", DeploymentGateImpl.class);
  }
}
