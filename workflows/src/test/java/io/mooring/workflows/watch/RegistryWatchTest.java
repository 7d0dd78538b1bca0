package io.mooring.workflows.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.registry.TagPollActivities;
import io.mooring.workflows.deployment.GoldenHistories;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryWatchTest {

  private TestWorkflowEnvironment env;
  private WatchClient watch;
  private final FakeRegistries registries = new FakeRegistries();
  private final FakeDeployments deployments = new FakeDeployments();
  private final FakeNotifications notifications = new FakeNotifications();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.MOORING);
    worker.registerWorkflowImplementationTypes(RegistryWatchImpl.class);
    worker.registerActivitiesImplementations(registries, deployments, notifications);
    env.start();
    watch = new WatchClient(env.getWorkflowClient());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void readsDueRepositoriesThenDeploysWhatThePoliciesWant() {
    deployments.wanted.add(new AutoDeployActivities.AutoDeploy("web", "1.1.0", null));
    watch.open();
    await().atMost(Duration.ofSeconds(10)).until(() -> deployments.started.size() == 1);
    assertThat(registries.cycles.get()).isGreaterThanOrEqualTo(1);
    assertThat(deployments.started.get(0).candidate().tag()).isEqualTo("1.1.0");
    watch.wake();
    await().atMost(Duration.ofSeconds(5)).until(() -> registries.cycles.get() >= 2);
    GoldenHistories.record(env, "watch-cycles", RegistryWatch.WORKFLOW_ID);
  }

  @Test
  void aRetriedStartNamesTheSameDeployment() {
    deployments.failFirstAttempt = true;
    deployments.wanted.add(new AutoDeployActivities.AutoDeploy("web", "1.1.0", null));
    watch.open();
    await().atMost(Duration.ofSeconds(15)).until(() -> deployments.started.size() == 2);
    assertThat(deployments.started.get(0).deploymentId()).isEqualTo(deployments.started.get(1).deploymentId());
  }

  @Test
  void aWakeLooksAgainAtOnce() {
    registries.nextDue = Instant.now().plus(Duration.ofHours(1));
    watch.open();
    await().atMost(Duration.ofSeconds(5)).until(() -> registries.cycles.get() == 1);
    deployments.wanted.add(new AutoDeployActivities.AutoDeploy("web", "2.0.0", null));
    watch.wake();
    // Well before the longest sleep (10 s) would have ended.
    await().atMost(Duration.ofSeconds(3)).until(() -> deployments.started.size() == 1);
  }

  @Test
  void aReceiverThatHangsNeverHoldsTheCyclesBack() {
    notifications.hang = true;
    watch.open();
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications.deliveries.get() == 1);
    deployments.wanted.add(new AutoDeployActivities.AutoDeploy("web", "3.0.0", null));
    watch.wake();
    await().atMost(Duration.ofSeconds(3)).until(() -> deployments.started.size() == 1);
    // A cycle collects notifications after its deployments start: the second cycle's collection follows.
    await().atMost(Duration.ofSeconds(3)).until(() -> notifications.collected.get() >= 2);
    assertThat(notifications.deliveries.get()).as("one delivery at a time").isEqualTo(1);
  }

  @Test
  void leavesAServiceAloneForAWhileAfterItsDeploymentWasRefused() {
    deployments.sticky = true;
    deployments.verdict = "UNREACHABLE";
    deployments.wanted.add(new AutoDeployActivities.AutoDeploy("web", "1.1.0", null));
    watch.open();
    await().atMost(Duration.ofSeconds(5)).until(() -> deployments.started.size() == 1);
    for (int i = 0; i < 3; i++) {
      int cycles = registries.cycles.get();
      watch.wake();
      await().atMost(Duration.ofSeconds(5)).until(() -> registries.cycles.get() > cycles);
    }
    assertThat(deployments.started).hasSize(1);
    assertThat(deployments.leftAloneSeen).contains("web");
  }

  /** Counts cycles; every repository is read again an hour later unless the test says otherwise. */
  static final class FakeRegistries implements TagPollActivities {
    final AtomicInteger cycles = new AtomicInteger();
    volatile Instant nextDue = null;

    @Override
    public PollReport pollDue(PollDue request) {
      cycles.incrementAndGet();
      return new PollReport(1, 0, 0, false, nextDue);
    }
  }

  /** Counts; a hanging delivery stands for a receiver that never answers. */
  static final class FakeNotifications implements NotifyActivities {
    final AtomicInteger collected = new AtomicInteger();
    final AtomicInteger deliveries = new AtomicInteger();
    volatile boolean hang;

    @Override
    public Queued collect(CollectNotifications request) {
      collected.incrementAndGet();
      return new Queued(0, 0);
    }

    @Override
    public Delivered deliver(DeliverNotifications request) {
      deliveries.incrementAndGet();
      if (hang) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new Delivered(0, 0);
    }
  }

  /** Plans each wanted candidate once, as a deployment record would hold it back once started. */
  static final class FakeDeployments implements AutoDeployActivities {
    final List<AutoDeploy> wanted = new CopyOnWriteArrayList<>();
    final List<StartAutoDeploy> started = new CopyOnWriteArrayList<>();
    final Map<UUID, Boolean> seen = new ConcurrentHashMap<>();
    final List<String> leftAloneSeen = new CopyOnWriteArrayList<>();
    volatile boolean failFirstAttempt;
    /** The store would want the same candidate again next cycle, as it does after a refusal. */
    volatile boolean sticky;
    volatile String verdict = "ADMITTED";

    @Override
    public AutoDeployPlan plan(PlanAutoDeploys request) {
      leftAloneSeen.addAll(request.leftAlone());
      List<AutoDeploy> now = wanted.stream().filter(c -> !request.leftAlone().contains(c.service())).toList();
      if (!sticky) {
        wanted.clear();
      }
      return new AutoDeployPlan(now);
    }

    @Override
    public Started start(StartAutoDeploy request) {
      started.add(request);
      if (failFirstAttempt && seen.putIfAbsent(request.deploymentId(), true) == null) {
        throw new IllegalStateException("the worker died mid-start");
      }
      return new Started(verdict, null);
    }
  }
}
