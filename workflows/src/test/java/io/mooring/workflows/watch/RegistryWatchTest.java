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

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(TaskQueues.MOORING);
    worker.registerWorkflowImplementationTypes(RegistryWatchImpl.class);
    worker.registerActivitiesImplementations(registries, deployments);
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
    watch.fetch(new TagPollActivities.PollNow("127.0.0.1:5000/demo/api", null));
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
  void answersAReadOnDemand() {
    var result = watch.fetch(new TagPollActivities.PollNow("127.0.0.1:5000/demo/web", null));
    assertThat(result.outcome()).isEqualTo(TagPollActivities.Outcome.CHANGED);
    assertThat(registries.onDemand).containsExactly("127.0.0.1:5000/demo/web");
  }

  /** Counts cycles; every repository is read again an hour later unless the test says otherwise. */
  static final class FakeRegistries implements TagPollActivities {
    final AtomicInteger cycles = new AtomicInteger();
    final List<String> onDemand = new CopyOnWriteArrayList<>();
    volatile Instant nextDue = null;

    @Override
    public PollReport pollDue(PollDue request) {
      cycles.incrementAndGet();
      return new PollReport(1, 0, 0, false, nextDue);
    }

    @Override
    public PollResult pollNow(PollNow request) {
      onDemand.add(request.repository());
      return new PollResult(Outcome.CHANGED, null);
    }
  }

  /** Plans each wanted candidate once, as a deployment record would hold it back once started. */
  static final class FakeDeployments implements AutoDeployActivities {
    final List<AutoDeploy> wanted = new CopyOnWriteArrayList<>();
    final List<StartAutoDeploy> started = new CopyOnWriteArrayList<>();
    final Map<UUID, Boolean> seen = new ConcurrentHashMap<>();
    volatile boolean failFirstAttempt;

    @Override
    public AutoDeployPlan plan(PlanAutoDeploys request) {
      List<AutoDeploy> now = List.copyOf(wanted);
      wanted.clear();
      return new AutoDeployPlan(now);
    }

    @Override
    public Started start(StartAutoDeploy request) {
      started.add(request);
      if (failFirstAttempt && seen.putIfAbsent(request.deploymentId(), true) == null) {
        throw new IllegalStateException("the worker died mid-start");
      }
      return new Started("ADMITTED", null);
    }
  }
}
