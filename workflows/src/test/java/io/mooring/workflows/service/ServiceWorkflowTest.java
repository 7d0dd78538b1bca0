package io.mooring.workflows.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.actions.ActionState;
import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.CrashPolicy;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceRecordActivities;
import io.mooring.activities.services.ServiceState;
import io.mooring.workflows.deployment.FakeWorld;
import io.mooring.workflows.deployment.GoldenHistories;
import io.mooring.workflows.deployment.ServiceTurnActivities;
import io.mooring.workflows.deployment.ServiceTurnActivities.DeploymentEnded;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceWorkflowTest {

  private static final UUID SERVICE = UUID.fromString("4f1c2a0e-0000-4000-8000-000000000001");

  private final FakeWorld world = new FakeWorld().withImage("127.0.0.1:5000/demo/hello:1.0", "sha256:" + "ab".repeat(32));
  private final Records records = new Records();
  private final Deployments deployments = new Deployments();
  private TestWorkflowEnvironment env;
  private Worker worker;
  private ServiceWorkflow service;

  @BeforeEach
  void startService() {
    startService(false);
  }

  /** @param skipTime lets a test jump a timer; the real clock otherwise, so signals in flight keep up */
  private void startService(boolean skipTime) {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(skipTime).build());
    worker = env.newWorker(TaskQueues.MOORING);
    worker.registerWorkflowImplementationTypes(ServiceWorkflowImpl.class);
    worker.registerActivitiesImplementations(world.activities());
    worker.registerActivitiesImplementations(records);
    worker.registerActivitiesImplementations(deployments);
    env.start();
    service = env.getWorkflowClient().newWorkflowStub(ServiceWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(ServiceWorkflow.workflowId(SERVICE))
        .setTaskQueue(TaskQueues.MOORING)
        .build());
    WorkflowClient.start(service::manage, new ServiceRun(SERVICE, "hello", ServiceState.INIT, List.of()));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void startCreatesTheTargetContainersFromThePinnedDigest() {
    ActionAccepted accepted = service.request(request(ServiceAction.START, null));
    assertThat(accepted.state()).isEqualTo(ServiceState.STARTING);
    awaitState(ServiceState.RUNNING);
    assertThat(world.runningContainers()).hasSize(2);
    assertThat(records.definition.digest()).isEqualTo("sha256:" + "ab".repeat(32));
    assertThat(records.actions.get(accepted.actionId())).isEqualTo(ActionState.SUCCESS);
    assertThat(records.startedDates).isEqualTo(1);
  }

  @Test
  void refusesAStopInInitNamingTheActionsInitAllows() {
    assertRefused(ServiceAction.STOP, null,
        "Service hello is Init, which does not allow stop. Possible actions in this state: start, terminate.");
    assertThat(records.actions).isEmpty();
  }

  @Test
  void refusesEveryActionWhileOneIsUnderWay() {
    world.planningMayStart = new java.util.concurrent.CountDownLatch(1);
    service.request(request(ServiceAction.START, null));
    assertRefused(ServiceAction.TERMINATE, null,
        "Service hello is Starting, which does not allow terminate. No actions are allowed in this state.");
    world.planningMayStart.countDown();
  }

  @Test
  void stopKeepsTheContainersAndStartRunsTheSameOnes() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    List<String> first = world.runningContainers();
    service.request(request(ServiceAction.STOP, null));
    awaitState(ServiceState.STOPPED);
    assertThat(world.runningContainers()).isEmpty();
    assertThat(world.containers.keySet()).containsExactlyInAnyOrderElementsOf(first);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    assertThat(world.runningContainers()).isEqualTo(first);
  }

  @Test
  void changesContainersInLocalActivitiesButTheFirstOfEachActionWhichEndsTheTaskThatAnswersTheCaller() {
    world.slowReplicas.add(1);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    service.request(request(ServiceAction.STOP, null));
    awaitState(ServiceState.STOPPED);

    List<HistoryEvent> events = env.getWorkflowClient().fetchHistory(ServiceWorkflow.workflowId(SERVICE)).getEvents();
    List<String> ordinary = events.stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
    List<String> local = events.stream()
        .filter(HistoryEvent::hasMarkerRecordedEventAttributes)
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().get("type"))
        .filter(type -> type != null)
        .map(type -> type.getPayloads(0).getData().toStringUtf8().replace("\"", ""))
        .toList();
    // The start: its plan, then the pull and the slow replica watched; the stop: its one change.
    assertThat(ordinary).containsExactly(
        "RuntimePlanChange", "RuntimeWatchStep", "RuntimeWatchStep", "RuntimeStopRunning");
    assertThat(local).contains("RuntimeTakeStep").doesNotContain("RuntimePlanChange", "RuntimeStopRunning");
  }

  @Test
  void scalingUpAddsContainersAndScalingDownRemovesTheNewestFirst() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    List<String> first = world.runningContainers();
    service.request(request(ServiceAction.SCALE, 4));
    awaitState(ServiceState.RUNNING);
    await().until(() -> world.runningContainers().size() == 4);
    service.request(request(ServiceAction.SCALE, 1));
    await().until(() -> world.runningContainers().size() == 1);
    assertThat(world.runningContainers()).containsExactly(first.get(0));
    assertThat(records.definition.replicas()).isEqualTo(1);
    GoldenHistories.record(env, "service-scaled-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  @Test
  void containersKilledBehindItsBackMakeARunningServiceStoppedSoItMayStart() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    world.containers.replaceAll((name, running) -> false);
    assertRefused(ServiceAction.SCALE, 3,
        "Service hello is Stopped, which does not allow scale. Possible actions in this state: start, redeploy, terminate.");
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    assertThat(world.runningContainers()).hasSize(2);
  }

  @Test
  void terminateRemovesEveryContainerAndTheServiceStaysTerminated() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    service.request(request(ServiceAction.STOP, null));
    awaitState(ServiceState.STOPPED);
    service.request(request(ServiceAction.TERMINATE, null));
    awaitState(ServiceState.TERMINATED);
    assertThat(world.containers).isEmpty();
    await().until(() -> records.states.get(records.states.size() - 1) == ServiceState.TERMINATED);
    GoldenHistories.record(env, "service-stop-and-terminate-look-as-they-change-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  @Test
  void aContainerIsStoppedStartedAndTerminatedOnItsOwnInTheServicesTurn() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    String first = world.runningContainers().get(0);
    ActionAccepted stopped = service.request(containerRequest(ServiceAction.CONTAINER_STOP, first));
    assertThat(stopped.state()).as("a container's action leaves the service's state").isEqualTo(ServiceState.RUNNING);
    await().until(() -> records.actions.get(stopped.actionId()) == ActionState.SUCCESS);
    assertThat(world.runningContainers()).hasSize(1).doesNotContain(first);

    ActionAccepted started = service.request(containerRequest(ServiceAction.CONTAINER_START, first));
    await().until(() -> records.actions.get(started.actionId()) == ActionState.SUCCESS);
    assertThat(world.runningContainers()).hasSize(2).contains(first);

    ActionAccepted terminated = service.request(containerRequest(ServiceAction.CONTAINER_TERMINATE, first));
    await().until(() -> records.actions.get(terminated.actionId()) == ActionState.SUCCESS);
    assertThat(world.containers).doesNotContainKey(first).hasSize(1);
    assertThat(records.definition.replicas()).as("Tutum lowered the target").isEqualTo(1);
    GoldenHistories.record(env, "service-container-actions-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  @Test
  void refusesAContainersActionTheServicesStateDoesNotAllow() {
    assertThatThrownBy(() -> service.request(containerRequest(ServiceAction.CONTAINER_STOP, "hello-anything")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> assertThat(failure.getOriginalMessage())
            .isEqualTo("Service hello is Init, which does not allow a container to stop."
                + " Its containers allow no actions in this state."));
  }

  @Test
  void aContainersActionOnAContainerThatIsGoneFails() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    ActionAccepted stopped = service.request(containerRequest(ServiceAction.CONTAINER_STOP, "hello-gone"));
    await().until(() -> records.actions.get(stopped.actionId()) == ActionState.FAILED);
    assertThat(world.runningContainers()).hasSize(2);
    awaitState(ServiceState.RUNNING);
  }

  @Test
  void aDeploymentTakesARunningServicesTurnAndNothingElseChangesItsContainersUntilItEnds() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    ActionAccepted deploying = service.request(request(ServiceAction.DEPLOY, null));
    assertThat(deploying.state()).isEqualTo(ServiceState.REDEPLOYING);
    assertThat(records.actions).as("the deployment records its own action").doesNotContainKey(deploying.actionId());
    assertRefused(ServiceAction.SCALE, 3,
        "Service hello is Redeploying, which does not allow scale. No actions are allowed in this state.");
    String container = world.runningContainers().get(0);
    assertThatThrownBy(() -> service.request(containerRequest(ServiceAction.CONTAINER_STOP, container)))
        .isInstanceOf(WorkflowUpdateException.class);
    world.containers.put(container, false);
    assertThatThrownBy(() -> service.containerStopped(new StoppedContainer(container, "hello", 137)))
        .as("a deployment's own stops are not crashes").isInstanceOf(WorkflowUpdateException.class);

    service.deploymentEnded(new DeploymentEnded(SERVICE, deploying.actionId(), "successful", true));

    awaitState(ServiceState.RUNNING);
    assertThat(records.states).endsWith(ServiceState.REDEPLOYING, ServiceState.RUNNING);
    GoldenHistories.record(env, "service-deploy-turn-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  @Test
  void aDeploymentAskedForAsTheLastOneEndsWaitsForTheServiceToSettleInsteadOfBeingRefused() throws Exception {
    ActionAccepted first = runningServiceInADeploymentsTurn();
    // As after a crash: the first deployment's end and the next one reach the service in one workflow task.
    worker.suspendPolling();
    service.deploymentEnded(new DeploymentEnded(SERVICE, first.actionId(), "successful", true));
    CompletableFuture<ActionAccepted> next = askForADeployment();
    Thread.sleep(500);
    worker.resumePolling();

    assertThat(next.get(10, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.REDEPLOYING);
    assertThat(records.states).endsWith(ServiceState.REDEPLOYING, ServiceState.RUNNING, ServiceState.REDEPLOYING);
  }

  @Test
  void aDeploymentThatReachesTheServiceBeforeTheLastOnesEndWaitsForThatEnd() throws Exception {
    ActionAccepted first = runningServiceInADeploymentsTurn();
    worker.suspendPolling();
    CompletableFuture<ActionAccepted> next = askForADeployment();
    Thread.sleep(500);
    service.deploymentEnded(new DeploymentEnded(SERVICE, first.actionId(), "failed", true));
    worker.resumePolling();

    assertThat(next.get(10, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.REDEPLOYING);
    assertThat(records.states).endsWith(ServiceState.REDEPLOYING, ServiceState.RUNNING, ServiceState.REDEPLOYING);
    GoldenHistories.record(env, "service-deploy-waits-for-the-end-before-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  private ActionAccepted runningServiceInADeploymentsTurn() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    return service.request(request(ServiceAction.DEPLOY, null));
  }

  private CompletableFuture<ActionAccepted> askForADeployment() {
    return CompletableFuture.supplyAsync(() -> service.request(request(ServiceAction.DEPLOY, null)));
  }

  @Test
  void aFirstDeploymentStartsAServiceInInitAndOneThatFailedLeavesItInInit() {
    ActionAccepted failed = service.request(request(ServiceAction.DEPLOY, null));
    service.deploymentEnded(new DeploymentEnded(SERVICE, failed.actionId(), "failed", true));
    awaitState(ServiceState.INIT);
    assertThat(records.startedDates).isZero();

    ActionAccepted first = service.request(request(ServiceAction.DEPLOY, null));
    service.deploymentEnded(new DeploymentEnded(SERVICE, first.actionId(), "successful", true));
    awaitState(ServiceState.RUNNING);
    assertThat(records.startedDates).as("Tutum's started_datetime moves").isEqualTo(1);
  }

  @Test
  void refusesADeploymentWhileAnActionChangesTheContainersWithoutWaitingForIt() {
    world.planningMayStart = new java.util.concurrent.CountDownLatch(1);
    service.request(request(ServiceAction.START, null));
    assertRefused(ServiceAction.DEPLOY, null,
        "Service hello is Starting, which does not allow a deployment. Try again once it has settled.");
    world.planningMayStart.countDown();
  }

  @Test
  void aDeploymentMayShipTheFixOfAServiceWhoseContainersAllCrashed() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    world.containers.replaceAll((name, running) -> false);
    assertThat(service.request(request(ServiceAction.DEPLOY, null)).state()).isEqualTo(ServiceState.REDEPLOYING);
  }

  @Test
  void refusesADeploymentOfAStoppedServiceSayingToStartItFirst() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    service.request(request(ServiceAction.STOP, null));
    awaitState(ServiceState.STOPPED);
    assertRefused(ServiceAction.DEPLOY, null,
        "Service hello is Stopped, which does not allow a deployment. It runs no containers to roll over; start it first.");
  }

  @Test
  void aDeploymentWhoseRollbackFailedLeavesTheServiceWhatTheEngineSays() {
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    ActionAccepted deploying = service.request(request(ServiceAction.DEPLOY, null));
    world.containers.replaceAll((name, running) -> false);

    service.deploymentEnded(new DeploymentEnded(SERVICE, deploying.actionId(), "failed", false));

    awaitState(ServiceState.STOPPED);
  }

  @Test
  void aDeploymentThatNeverSaysItEndedIsLetGoOnceItsWorkflowIsGone() {
    env.close();
    startService(true);
    ActionAccepted deploying = service.request(request(ServiceAction.DEPLOY, null));
    env.sleep(ServiceWorkflowImpl.DEPLOYMENT_CHECK.plusSeconds(1));
    assertThat(service.state().state()).as("still running: the service keeps waiting").isEqualTo(ServiceState.REDEPLOYING);
    deployments.running = false;
    env.sleep(ServiceWorkflowImpl.DEPLOYMENT_CHECK.plusSeconds(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> service.state().state() == ServiceState.INIT);
    assertThat(deployments.asked).contains(deploying.actionId());
  }

  @Test
  void autoreplaceReplacesAContainerThatStoppedWithANewOneOfTheSameNumber() {
    records.withPolicies(CrashPolicy.ALWAYS, CrashPolicy.OFF);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    String killed = world.runningContainers().get(0);
    world.containers.put(killed, false);

    ActionAccepted replaced = service.containerStopped(new StoppedContainer(killed, "hello", 137));

    await().until(() -> records.actions.get(replaced.actionId()) == ActionState.SUCCESS);
    assertThat(records.titles.get(replaced.actionId())).isEqualTo("Container Replace");
    assertThat(records.origins.get(replaced.actionId()).userAction()).as("Mooring's own action").isFalse();
    assertThat(world.runningContainers()).hasSize(2).doesNotContain(killed)
        .anySatisfy(c -> assertThat(c).as("the same number").endsWith(killed.substring(killed.lastIndexOf('-'))));
    assertThat(world.containers).doesNotContainKey(killed);
    assertThat(records.definition.replicas()).isEqualTo(2);
    GoldenHistories.record(env, "service-autoreplace-in-local-changes", ServiceWorkflow.workflowId(SERVICE));
  }

  @Test
  void leavesAStoppedContainerBeyondTheTargetAsADeploymentsLeftover() {
    records.withPolicies(CrashPolicy.ALWAYS, CrashPolicy.OFF);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    world.containers.put("hello-old-7", false);

    assertThat(service.containerStopped(new StoppedContainer("hello-old-7", "hello", 0))).isNull();
    assertThat(world.containers).hasSize(3);
  }

  @Test
  void autoreplaceOnFailureLeavesAContainerThatExitedCleanly() {
    records.withPolicies(CrashPolicy.ON_FAILURE, CrashPolicy.OFF);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    String exited = world.runningContainers().get(0);
    world.containers.put(exited, false);

    assertThat(service.containerStopped(new StoppedContainer(exited, "hello", 0))).isNull();
    assertThat(world.containers).containsEntry(exited, false);
  }

  @Test
  void autodestroyTerminatesAContainerThatStoppedAndLowersTheTarget() {
    records.withPolicies(CrashPolicy.ALWAYS, CrashPolicy.ON_FAILURE);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    String crashed = world.runningContainers().get(1);
    world.containers.put(crashed, false);

    ActionAccepted destroyed = service.containerStopped(new StoppedContainer(crashed, "hello", 1));

    await().until(() -> records.actions.get(destroyed.actionId()) == ActionState.SUCCESS);
    assertThat(records.titles.get(destroyed.actionId())).as("autodestroy comes before autoreplace")
        .isEqualTo("Container Terminate");
    assertThat(world.containers).doesNotContainKey(crashed);
    assertThat(records.definition.replicas()).isEqualTo(1);
  }

  @Test
  void aContainerStoppedOnPurposeIsLeftBeAndAStoppedServiceToo() {
    records.withPolicies(CrashPolicy.ALWAYS, CrashPolicy.OFF);
    service.request(request(ServiceAction.START, null));
    awaitState(ServiceState.RUNNING);
    String stopped = world.runningContainers().get(0);
    ActionAccepted stop = service.request(containerRequest(ServiceAction.CONTAINER_STOP, stopped));
    await().until(() -> records.actions.get(stop.actionId()) == ActionState.SUCCESS);

    assertThatThrownBy(() -> service.containerStopped(new StoppedContainer(stopped, "hello", 143)))
        .as("refused by the validator: nothing written").isInstanceOf(WorkflowUpdateException.class);

    service.request(request(ServiceAction.STOP, null));
    awaitState(ServiceState.STOPPED);
    assertThatThrownBy(() -> service.containerStopped(new StoppedContainer(world.containers.keySet().iterator().next(),
        "hello", 137))).isInstanceOf(WorkflowUpdateException.class);
    assertThat(world.containers).hasSize(2);
    assertThat(records.titles.values()).doesNotContain("Container Replace");
  }

  private static ActionRequest containerRequest(ServiceAction action, String container) {
    return new ActionRequest(UUID.randomUUID(), action, null,
        new ActionOrigin("POST", "/api/v1/container/x/" + action.verb() + "/", "test", "127.0.0.1", null,
            "alice", "person", true), null, null, container);
  }

  private void assertRefused(ServiceAction action, Integer target, String sentence) {
    assertThatThrownBy(() -> service.request(request(action, target)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.getType()).isEqualTo(ServiceWorkflow.NOT_ALLOWED);
          assertThat(failure.getOriginalMessage()).isEqualTo(sentence);
        });
  }

  private void awaitState(ServiceState expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> service.state().state() == expected && service.state().queue().isEmpty());
  }

  private static ActionRequest request(ServiceAction action, Integer target) {
    return new ActionRequest(UUID.randomUUID(), action, target,
        new ActionOrigin("POST", "/api/v1/service/" + SERVICE + "/" + action.verb() + "/", "test", "127.0.0.1", null,
            "alice", "person", true), null, null);
  }

  /** Deployments in the service's turn, as far as the service asks about them. */
  static final class Deployments implements ServiceTurnActivities {
    volatile boolean running = true;
    final List<UUID> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Turn take(TakeTurn request) {
      throw new UnsupportedOperationException("a deployment takes the turn, not the service");
    }

    @Override
    public void giveBack(DeploymentEnded request) {
      throw new UnsupportedOperationException("a deployment gives the turn back, not the service");
    }

    @Override
    public boolean stillRunning(FindDeployment request) {
      asked.add(request.deploymentId());
      return running;
    }
  }

  /** The service record and its actions, in memory. */
  static final class Records implements ServiceRecordActivities {
    volatile ServiceDefinition definition = new ServiceDefinition("hello", "127.0.0.1:5000/demo/hello", "1.0", null, 2, 0,
        null, Map.of(), null, null, SERVICE, new ContainerSettings(Networking.BRIDGE, List.of(), null, null, null, null,
            false, null, null, null, false, List.of(), List.of()));
    final Map<UUID, ActionState> actions = new ConcurrentHashMap<>();
    final Map<UUID, String> titles = new ConcurrentHashMap<>();
    final Map<UUID, ActionOrigin> origins = new ConcurrentHashMap<>();
    final List<ServiceState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile int startedDates;

    void withPolicies(CrashPolicy autoreplace, CrashPolicy autodestroy) {
      definition = new ServiceDefinition("hello", "127.0.0.1:5000/demo/hello", "1.0", null, 2, 0, null, Map.of(), null,
          null, SERVICE, new ContainerSettings(Networking.BRIDGE, List.of(), null, null, null, null, false, null,
              autoreplace, autodestroy, false, List.of(), List.of()));
    }

    @Override
    public ServiceDefinition definition(LoadService request) {
      return definition;
    }

    @Override
    public void openAction(OpenAction request) {
      actions.putIfAbsent(request.action().id(), ActionState.PENDING);
      titles.put(request.action().id(), request.action().action());
      origins.put(request.action().id(), request.action().origin());
    }

    @Override
    public void enterAction(EnterAction request) {
      actions.put(request.actionId(), request.state());
    }

    @Override
    public void log(LogAction request) {}

    @Override
    public void recordState(RecordState request) {
      states.add(request.state());
      if (request.started()) {
        startedDates++;
      }
    }

    @Override
    public void recordReplicas(RecordReplicas request) {
      definition = definition.withReplicas(request.target());
    }

    @Override
    public void recordVersion(RecordVersion request) {
      definition = definition.withVersion(request.tag(), request.digest());
    }
  }
}
