package io.mooring.workflows.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.store.ActionOrigin;
import io.mooring.activities.store.ActionState;
import io.mooring.activities.store.ContainerSettings;
import io.mooring.activities.store.Networking;
import io.mooring.activities.store.ServiceDefinition;
import io.mooring.activities.store.ServiceRecordActivities;
import io.mooring.activities.store.ServiceState;
import io.mooring.workflows.deployment.FakeWorld;
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
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceWorkflowTest {

  private static final UUID SERVICE = UUID.fromString("4f1c2a0e-0000-4000-8000-000000000001");

  private final FakeWorld world = new FakeWorld().withImage("127.0.0.1:5000/demo/hello:1.0", "sha256:" + "ab".repeat(32));
  private final Records records = new Records();
  private TestWorkflowEnvironment env;
  private ServiceWorkflow service;

  @BeforeEach
  void startService() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.MOORING);
    worker.registerWorkflowImplementationTypes(ServiceWorkflowImpl.class);
    worker.registerActivitiesImplementations(world.activities());
    worker.registerActivitiesImplementations(records);
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
    service.request(request(ServiceAction.TERMINATE, null));
    awaitState(ServiceState.TERMINATED);
    assertThat(world.containers).isEmpty();
    await().until(() -> records.states.get(records.states.size() - 1) == ServiceState.TERMINATED);
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

  /** The service record and its actions, in memory. */
  static final class Records implements ServiceRecordActivities {
    volatile ServiceDefinition definition = new ServiceDefinition("hello", "127.0.0.1:5000/demo/hello", "1.0", null, 2, 0,
        null, Map.of(), null, null, SERVICE, new ContainerSettings(Networking.BRIDGE, List.of(), null, null, null, null,
            false, null, null, null, false, List.of(), List.of()));
    final Map<UUID, ActionState> actions = new ConcurrentHashMap<>();
    final List<ServiceState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile int startedDates;

    @Override
    public ServiceDefinition definition(LoadService request) {
      return definition;
    }

    @Override
    public void openAction(OpenAction request) {
      actions.putIfAbsent(request.action().id(), ActionState.PENDING);
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
