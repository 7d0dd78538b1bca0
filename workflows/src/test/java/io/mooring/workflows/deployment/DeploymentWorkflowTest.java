package io.mooring.workflows.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.runtime.RolloutPlan;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.workflows.deployment.Admission.Verdict;
import io.mooring.workflows.gate.DeploymentGateImpl;
import io.mooring.workflows.gate.GateActivitiesImpl;
import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.mooring.workflows.gate.GateState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentWorkflowTest {

  private static final String WEB = "127.0.0.1:5000/demo/web";
  private static final String TESTS = "127.0.0.1:5000/demo/web-tests";

  private final FakeWorld world = new FakeWorld()
      .withImage(WEB + ":1.1.0", "sha256:11")
      .withImage(TESTS + ":latest", "sha256:t0")
      .withImage(TESTS + ":2.0.1", "sha256:t2")
      .withRunning("web-old-1", "web-old-2", "web-old-3");
  private TestWorkflowEnvironment env;
  private DeploymentClient deployments;
  private DeploymentSearchAttributes searchAttributes;
  private GateClient gate;
  private final ServiceTurns turns = new ServiceTurns();

  private void start() {
    // The real clock: skipped time would let the server race ahead of signals in flight.
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.MOORING, WorkerOptions.newBuilder()
        .setMaxHeartbeatThrottleInterval(Duration.ofMillis(200))
        .build());
    worker.registerWorkflowImplementationTypes(DeploymentWorkflowImpl.class, DeploymentGateImpl.class);
    gate = new GateClient(env.getWorkflowClient());
    worker.registerActivitiesImplementations(world.activities());
    worker.registerActivitiesImplementations(new GateActivitiesImpl(gate));
    worker.registerActivitiesImplementations(turns);
    searchAttributes = new DeploymentSearchAttributes(env.getWorkflowClient());
    deployments = new DeploymentClient(env.getWorkflowClient(), searchAttributes);
    env.start();
  }

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void rollsReplicasOverOneAtATimeStartingEachNewOneBeforeStoppingAnOldOne() {
    world.slowReplicas.addAll(java.util.Set.of(1, 2, 3));
    start();
    UUID id = UUID.randomUUID();
    assertThat(deployments.start(request(id, "1.1.0", "latest", false)).verdict()).isEqualTo(Verdict.ADMITTED);

    DeploymentOutcome outcome = deployments.outcome(id);

    assertThat(outcome.status()).isEqualTo("successful");
    assertThat(outcome.message()).isEqualTo("Deployment successful. See details at: http://mooring/deployment-logs/" + id);
    assertThat(world.events).containsExactly(
        "open rolling-out",
        "plan",
        "pull " + WEB + "@sha256:11",
        "start web-new-1", "healthy web-new-1", "stop web-old-1",
        "start web-new-2", "healthy web-new-2", "stop web-old-2",
        "start web-new-3", "healthy web-new-3", "stop web-old-3",
        "regression " + TESTS + "@sha256:t0 at http://127.0.0.1:19001",
        "record 1.1.0",
        "remove [web-old-1, web-old-2, web-old-3]",
        "succeed");
    assertThat(world.runningContainers()).containsExactly("web-new-1", "web-new-2", "web-new-3");
    assertThat(gate.state()).isEqualTo(new GateState(true,
        "Re-enable service deployment after successful deployment: " + id, null, List.of()));
    GoldenHistories.record(env, "deployment-success-in-runtime-steps", DeploymentRequest.workflowId(id));
  }

  @Test
  void takesOnlyTheStepsTheRuntimePlannedAndWatchesThoseNotDoneAtOnce() {
    world.slowReplicas.add(1);
    world.replanned = plan -> new RolloutPlan(plan.current(), plan.next(),
        List.of(plan.rollout().get(1)), plan.restore(), List.of());
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", false));

    assertThat(deployments.outcome(id).status()).isEqualTo("successful");
    assertThat(world.events).containsExactly("open rolling-out", "plan", "start web-new-1", "healthy web-new-1",
        "regression " + TESTS + "@sha256:t0 at http://127.0.0.1:19001", "record 1.1.0", "succeed");
  }

  @Test
  void putsBackWhatWasThereInTheStepsTheRuntimePlannedForIt() {
    world.unhealthyReplicas.add(1);
    world.replanned = plan -> new RolloutPlan(plan.current(), plan.next(), List.of(plan.rollout().get(1)),
        List.of(plan.rollout().get(2)), plan.cleanUp());
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", false));

    assertThat(deployments.outcome(id).rolledBack()).isTrue();
    assertThat(world.events).containsExactly("open rolling-out", "plan", "start web-new-1", "unhealthy web-new-1",
        "stop web-old-1", "fail");
  }

  @Test
  void answersTheCallerOnceAdmittedWithoutWaitingForTheRollout() throws Exception {
    world.planningMayStart = new java.util.concurrent.CountDownLatch(1);
    start();
    UUID id = UUID.randomUUID();

    var admission = java.util.concurrent.CompletableFuture.supplyAsync(() -> deployments.start(request(id, "1.1.0", "latest", false)));

    // Well before the workflow task would be extended (4 s), which would also carry the answer out.
    assertThat(admission.get(2, java.util.concurrent.TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.ADMITTED);
    assertThat(world.events).doesNotContain("plan");
    world.planningMayStart.countDown();
    assertThat(deployments.outcome(id).status()).isEqualTo("successful");
  }

  @Test
  void canBeFoundInTheTemporalUiByServiceTagAndHowItEnded() {
    start();
    assertThat(searchAttributes.register()).isTrue();
    assertThat(searchAttributes.register()).as("registering again changes nothing").isTrue();
    UUID succeeded = UUID.randomUUID();
    deployments.start(request(succeeded, "1.1.0", "latest", false));
    deployments.outcome(succeeded);
    world.withImage(WEB + ":1.2.0", "sha256:12");
    world.unhealthyReplicas.add(1);
    UUID failed = UUID.randomUUID();
    deployments.start(request(failed, "1.2.0", "latest", false));
    deployments.outcome(failed);

    assertThat(searchAttributesOf(succeeded)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "MooringKind", "deployment", "MooringService", "web", "MooringTag", "1.1.0", "MooringStatus", "successful"));
    assertThat(searchAttributesOf(failed)).containsEntry("MooringTag", "1.2.0").containsEntry("MooringStatus", "failed");
    GoldenHistories.record(env, "deployment-searchable-in-runtime-steps", DeploymentRequest.workflowId(succeeded));
  }

  @Test
  void rollsBackWhenAReplicaNeverBecomesHealthy() {
    world.unhealthyReplicas.add(2);
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", false));

    DeploymentOutcome outcome = deployments.outcome(id);

    assertThat(outcome.status()).isEqualTo("failed");
    assertThat(outcome.rolledBack()).isTrue();
    assertThat(outcome.message()).isEqualTo("Failed service deployment for deploymentId: " + id
        + ". Error: Replica 2 did not become healthy. Rolled back to 1.0.0.");
    assertThat(world.events).endsWith("unhealthy web-new-2", "restore", "fail");
    assertThat(world.runningContainers()).containsExactly("web-old-1", "web-old-2", "web-old-3");
    assertThat(world.rolledBack).containsEntry(id.toString(), true);
    assertThat(gate.state().enabled()).isTrue();
    assertThat(gate.state().message()).isEqualTo("Re-enable service deployment after rolled back deployment: " + id);
    GoldenHistories.record(env, "deployment-rollback-in-runtime-steps", DeploymentRequest.workflowId(id));
  }

  @Test
  void waitsSeparatelyOnlyForReplicasThatAreNotHealthyRightAfterStarting() {
    world.slowReplicas.add(2);
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", false));

    assertThat(deployments.outcome(id).status()).isEqualTo("successful");
    assertThat(world.events).contains("healthy web-new-2").doesNotContain("healthy web-new-1", "healthy web-new-3");
    assertThat(world.events.indexOf("healthy web-new-2")).isLessThan(world.events.indexOf("stop web-old-2"));
  }

  @Test
  void rollsBackWhenTheRegressionTestsFail() {
    world.regressionPasses = false;
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "2.0.1", false));

    DeploymentOutcome outcome = deployments.outcome(id);

    assertThat(outcome.message()).contains("Regression tests failed with exit code 1").endsWith("Rolled back to 1.0.0.");
    assertThat(world.events).contains("regression " + TESTS + "@sha256:t2 at http://127.0.0.1:19001");
    assertThat(world.runningContainers()).containsExactly("web-old-1", "web-old-2", "web-old-3");
  }

  @Test
  void keepsTheGateLockedWithAReasonWhenTheRollbackFails() {
    world.unhealthyReplicas.add(1);
    world.rollbackBreaks = true;
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", false));

    DeploymentOutcome outcome = deployments.outcome(id);

    assertThat(outcome.rolledBack()).isFalse();
    assertThat(outcome.message()).contains("Rollback failed: Docker Engine refused to start the old containers");
    GateState state = gate.state();
    assertThat(state.enabled()).isFalse();
    assertThat(state.message()).startsWith("Rollback of service deployment " + id + " failed");
  }

  @Test
  void refusesAnUnreachableImageAndStoresNothing() {
    start();
    UUID id = UUID.randomUUID();

    Admission admission = deployments.start(request(id, "9.9.9", "latest", false));

    assertThat(admission).isEqualTo(new Admission(Verdict.UNREACHABLE, WEB + ":9.9.9 is unreachable", 0));
    assertThat(world.openedDeployments).isEmpty();
    assertThat(world.events).isEmpty();
    assertThat(gate.state().enabled()).isTrue();
  }

  @Test
  void refusesAnUnreachableRegressionTestImage() {
    start();
    Admission admission = deployments.start(request(UUID.randomUUID(), "1.1.0", "7.7.7", false));
    assertThat(admission.detail()).isEqualTo(TESTS + ":7.7.7 is unreachable");
  }

  @Test
  void refusesWhenDeploymentsAreDisabledAndSaysWhy() {
    start();
    gate.turn(new Switch(false, "Manually disabled by david"));

    Admission admission = deployments.start(request(UUID.randomUUID(), "1.1.0", "latest", false));

    assertThat(admission).isEqualTo(new Admission(Verdict.DISABLED,
        "Service deployment is disabled. Reason: Manually disabled by david.", 0));
    assertThat(world.openedDeployments).isEmpty();
  }

  @Test
  void refusesASecondDeploymentWhileTheFirstHoldsTheLock() throws Exception {
    UUID first = startHeldInRegressionTests(false);

    Admission second = deployments.start(request(UUID.randomUUID(), "1.1.0", "latest", false));

    assertThat(second.verdict()).isEqualTo(Verdict.DISABLED);
    assertThat(second.detail()).isEqualTo(
        "Service deployment is disabled. Reason: Locked for service deployment: http://mooring/service-deployment/" + first + ".");
    world.regressionGate.countDown();
    assertThat(deployments.outcome(first).status()).isEqualTo("successful");
  }

  @Test
  void queuedDeploymentWaitsForTheLockAndRunsAfterTheHolderEnds() throws Exception {
    UUID first = startHeldInRegressionTests(true);

    UUID second = UUID.randomUUID();
    Admission queued = deployments.start(request(second, "1.1.0", "latest", true));

    assertThat(queued).isEqualTo(new Admission(Verdict.QUEUED, null, 1));
    assertThat(gate.state().placeOf(second.toString())).isEqualTo(1);
    assertThat(deployments.progress(second)).get().extracting(DeploymentProgress::phase).isEqualTo("queued");
    world.regressionGate.countDown();
    assertThat(deployments.outcome(first).status()).isEqualTo("successful");
    assertThat(deployments.outcome(second).status()).isEqualTo("successful");
    // The second rollout began only after the first had cleaned up, its last step before the gate opens.
    int firstCleanedUp = world.events.indexOf("remove [web-old-1, web-old-2, web-old-3]");
    int secondPlan = world.events.lastIndexOf("plan");
    assertThat(firstCleanedUp).isNotNegative();
    assertThat(secondPlan).isGreaterThan(firstCleanedUp);
    GoldenHistories.record(env, "deployment-queued-in-runtime-steps", DeploymentRequest.workflowId(second));
    GoldenHistories.record(env, "gate-hand-off", io.mooring.workflows.gate.DeploymentGate.WORKFLOW_ID);
  }

  @Test
  void cancellingARunningDeploymentRollsItBack() throws Exception {
    UUID id = startHeldInRegressionTests(false);

    deployments.cancel(id, "Cancelled by alice");

    assertEndsCancelledInTemporal(id);
    assertThat(world.outcomes.get(id.toString())).isEqualTo("failed: Failed service deployment for deploymentId: "
        + id + ". Error: Deployment cancelled on request. Rolled back to 1.0.0.");
    assertThat(world.rolledBack).containsEntry(id.toString(), true);
    assertThat(world.events).endsWith("restore", "fail");
    assertThat(world.runningContainers()).containsExactly("web-old-1", "web-old-2", "web-old-3");
    assertThat(gate.state().enabled()).isTrue();
    GoldenHistories.record(env, "deployment-cancel-in-runtime-steps", DeploymentRequest.workflowId(id));
  }

  @Test
  void cancellingAQueuedDeploymentGivesUpItsPlaceAndChangesNothing() throws Exception {
    UUID first = startHeldInRegressionTests(true);
    UUID second = UUID.randomUUID();
    deployments.start(request(second, "1.1.0", "latest", true));

    deployments.cancel(second, "Cancelled by alice");

    assertEndsCancelledInTemporal(second);
    assertThat(world.rolledBack).containsEntry(second.toString(), false);
    assertThat(gate.state().queue()).isEmpty();
    world.regressionGate.countDown();
    assertThat(deployments.outcome(first).status()).isEqualTo("successful");
    assertThat(world.events.stream().filter("plan"::equals)).hasSize(1);
  }

  @Test
  void takesItsServicesTurnOnceTheGateIsOursAndGivesItBackBeforeTheGateOpens() {
    start();
    UUID id = UUID.randomUUID();
    assertThat(deployments.start(requestForService(id, false)).verdict()).isEqualTo(Verdict.ADMITTED);

    assertThat(deployments.outcome(id).status()).isEqualTo("successful");
    assertThat(turns.said).containsExactly("take " + id + " holding the gate", "back successful holding the gate");
    assertThat(world.events.indexOf("plan")).isGreaterThan(0);
    assertThat(gate.state().holder()).isNull();
    GoldenHistories.record(env, "deployment-in-its-services-turn-in-runtime-steps", DeploymentRequest.workflowId(id));
  }

  @Test
  void refusesADeploymentItsServicesStateDoesNotAllowStoringNothingAndOpensTheGate() {
    turns.refusal = "Service web is Stopped, which does not allow a deployment. It runs no containers to roll over;"
        + " start it first.";
    start();
    UUID id = UUID.randomUUID();

    Admission admission = deployments.start(requestForService(id, false));

    assertThat(admission.verdict()).isEqualTo(Verdict.SERVICE_STATE);
    assertThat(admission.detail()).isEqualTo(turns.refusal);
    assertThat(deployments.outcome(id).status()).isEqualTo("rejected");
    assertThat(world.events).isEmpty();
    assertThat(turns.said).containsExactly("take " + id + " holding the gate");
    assertThat(gate.state().enabled()).isTrue();
    assertThat(gate.state().holder()).isNull();
  }

  @Test
  void aDeploymentThatWaitedInLineAndIsRefusedItsTurnFailsHavingChangedNothing() throws Exception {
    UUID first = startHeldInRegressionTests(true);
    UUID second = UUID.randomUUID();
    assertThat(deployments.start(requestForService(second, true)).verdict()).isEqualTo(Verdict.QUEUED);
    turns.refusal = "Service web is Scaling, which does not allow a deployment. Try again once it has settled.";
    world.regressionGate.countDown();
    assertThat(deployments.outcome(first).status()).isEqualTo("successful");

    DeploymentOutcome outcome = deployments.outcome(second);

    assertThat(outcome.status()).isEqualTo("failed");
    assertThat(outcome.message()).endsWith("Error: " + turns.refusal + ". Nothing was changed.");
    assertThat(world.events.stream().filter("plan"::equals)).hasSize(1);
    assertThat(gate.state().holder()).isNull();
  }

  @Test
  void skipsRegressionTestsForAServiceWithoutATestImageAndSaysSo() {
    start();
    UUID id = UUID.randomUUID();
    var service = new ServiceDefinition("web", WEB, "1.0.0", null, 1, 19000, "/health", Map.of(), null, null);
    deployments.start(new DeploymentRequest(id, "alice", service, "1.1.0", "latest",
        "http://mooring/service-deployment/" + id, "http://mooring/deployment-logs/" + id, false, "person", null));

    assertThat(deployments.outcome(id).status()).isEqualTo("successful");
    assertThat(world.events).noneMatch(e -> e.startsWith("regression"));
    assertThat(world.logLines).contains("No regression test image for web: regression tests skipped");
  }

  @Test
  void answersProgressWhileRunning() throws Exception {
    UUID id = startHeldInRegressionTests(false);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(deployments.progress(id)).get().extracting(DeploymentProgress::phase).isEqualTo("testing"));
    DeploymentProgress progress = deployments.progress(id).orElseThrow();
    assertThat(progress.replicas()).isEqualTo(3);
    assertThat(progress.startedAt()).isBeforeOrEqualTo(progress.updatedAt());
    world.regressionGate.countDown();
    deployments.outcome(id);
  }

  /** Starts a deployment that stays in its regression tests until {@code world.regressionGate} opens. */
  private UUID startHeldInRegressionTests(boolean queue) throws InterruptedException {
    world.regressionGate = new CountDownLatch(1);
    start();
    UUID id = UUID.randomUUID();
    deployments.start(request(id, "1.1.0", "latest", queue));
    assertThat(world.regressionStarted.await(20, TimeUnit.SECONDS)).isTrue();
    return id;
  }

  /** A cancelled deployment cleans up, then shows as Canceled in the Temporal UI. */
  private void assertEndsCancelledInTemporal(UUID id) {
    assertThatThrownBy(() -> deployments.outcome(id))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
  }

  private Map<String, String> searchAttributesOf(UUID id) {
    Map<String, String> values = new java.util.HashMap<>();
    env.getWorkflowClient().newUntypedWorkflowStub(DeploymentRequest.workflowId(id)).describe()
        .getTypedSearchAttributes().getUntypedValues()
        .forEach((key, value) -> values.put(key.getName(), String.valueOf(value)));
    return values;
  }

  /** A deployment of a service with an id, which takes the service's turn. */
  private static DeploymentRequest requestForService(UUID id, boolean queue) {
    var service = new ServiceDefinition("web", WEB, "1.0.0", "sha256:10", 3, 19000, "/health", Map.of(), TESTS, null,
        UUID.fromString("4f1c2a0e-0000-4000-8000-0000000000aa"), null);
    return new DeploymentRequest(id, "alice", service, "1.1.0", "latest",
        "http://mooring/service-deployment/" + id, "http://mooring/deployment-logs/" + id, queue, "person", null);
  }

  /** The service's side of its turn: takes every deployment in (or refuses with {@code refusal}) and notes it. */
  private final class ServiceTurns implements ServiceTurnActivities {
    volatile String refusal;
    final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Turn take(TakeTurn request) {
      said.add("take " + request.deploymentId() + holding(request.deploymentId()));
      return new Turn(refusal == null, refusal);
    }

    @Override
    public void giveBack(DeploymentEnded request) {
      said.add("back " + request.status() + holding(request.deploymentId()));
    }

    @Override
    public boolean stillRunning(FindDeployment request) {
      return true;
    }

    private String holding(UUID deployment) {
      return deployment.toString().equals(gate.state().holder()) ? " holding the gate" : " without the gate";
    }
  }

  private static DeploymentRequest request(UUID id, String tag, String testVersion, boolean queue) {
    var service = new ServiceDefinition("web", WEB, "1.0.0", "sha256:10", 3, 19000, "/health", Map.of(), TESTS, null);
    return new DeploymentRequest(id, "alice", service, tag, testVersion,
        "http://mooring/service-deployment/" + id, "http://mooring/deployment-logs/" + id, queue, "person", null);
  }
}
