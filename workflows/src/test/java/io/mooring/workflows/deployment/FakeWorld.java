package io.mooring.workflows.deployment;

import io.mooring.activities.deployments.HistoryActivities;
import io.mooring.activities.registry.RegistryActivities;
import io.mooring.activities.regression.RegressionActivities;
import io.mooring.activities.runtime.Replica;
import io.mooring.activities.runtime.ChangePlan;
import io.mooring.activities.runtime.EngineSteps;
import io.mooring.activities.runtime.ReplicaByReplica;
import io.mooring.activities.runtime.ReplicaChanges;
import io.mooring.activities.runtime.RolloutPlan;
import io.mooring.activities.runtime.RuntimeActivities;
import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.Inventory;
import io.mooring.activities.runtime.RuntimeRequests.PlanChange;
import io.mooring.activities.runtime.RuntimeRequests.PlanRollout;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveAll;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.runtime.RuntimeRequests.StopReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StopRunning;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The world a deployment touches, in memory: a registry, a container engine, a regression test
 * runner and the history store. Each records what was done to it, in order.
 */
public final class FakeWorld {

  public final List<String> events = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, Boolean> containers = new ConcurrentHashMap<>();
  final Map<String, String> digests = new ConcurrentHashMap<>();
  final List<String> openedDeployments = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> outcomes = new ConcurrentHashMap<>();
  final Map<String, Boolean> rolledBack = new ConcurrentHashMap<>();
  final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
  final Set<Integer> unhealthyReplicas = ConcurrentHashMap.newKeySet();
  public final Set<Integer> slowReplicas = ConcurrentHashMap.newKeySet();
  volatile boolean regressionPasses = true;
  volatile boolean rollbackBreaks;
  /** When set, regression tests run until it is counted down (or the activity is cancelled). */
  volatile CountDownLatch regressionGate;
  final CountDownLatch regressionStarted = new CountDownLatch(1);
  /** Planning a rollout, and taking stock of a service's containers, wait for this; open by default. */
  public volatile CountDownLatch planningMayStart = new CountDownLatch(0);
  private volatile RolloutPlan lastPlan;
  /** Reshapes the single engine's plan, as another runtime would plan otherwise; as it is by default. */
  volatile java.util.function.UnaryOperator<RolloutPlan> replanned = plan -> plan;

  public FakeWorld withImage(String repositoryAndTag, String digest) {
    digests.put(repositoryAndTag, digest);
    return this;
  }

  FakeWorld withRunning(String... names) {
    for (String name : names) {
      containers.put(name, true);
    }
    return this;
  }

  public Object[] activities() {
    return new Object[] {new Registry(), new Runtime(), new Regression(), new History()};
  }

  public List<String> runningContainers() {
    return containers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
  }

  class Registry implements RegistryActivities {
    @Override
    public ResolvedImages resolve(ResolveImages request) {
      String image = request.service().repository() + ":" + request.tag();
      String digest = digests.get(image);
      if (digest == null) {
        throw ApplicationFailure.newNonRetryableFailure(image + " is unreachable", IMAGE_UNREACHABLE);
      }
      String testImage = null;
      if (request.service().regressionImage() != null) {
        String tests = request.service().regressionImage() + ":" + request.regressionTestVersion();
        if (!digests.containsKey(tests)) {
          throw ApplicationFailure.newNonRetryableFailure(tests + " is unreachable", IMAGE_UNREACHABLE);
        }
        testImage = request.service().regressionImage() + "@" + digests.get(tests);
      }
      return new ResolvedImages(request.service().repository() + "@" + digest, digest, testImage);
    }
  }

  class Runtime implements RuntimeActivities {
    @Override
    public RolloutPlan plan(PlanRollout request) {
      try {
        planningMayStart.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<Replica> current = new ArrayList<>();
      int index = 1;
      for (String name : containers.keySet().stream().sorted().toList()) {
        current.add(new Replica(name, index++, 18000 + index, containers.get(name)));
      }
      List<Replica> next = new ArrayList<>();
      for (int i = 1; i <= request.service().replicas(); i++) {
        next.add(new Replica(request.service().name() + "-new-" + i, i, 19000 + i, false));
      }
      events.add("plan");
      RolloutPlan plan = replanned.apply(ReplicaByReplica.plan(request.image(), current, next));
      lastPlan = plan;
      return plan;
    }

    /** The steps a real single engine takes, on this world's containers. */
    @Override
    public boolean takeStep(StepOrder order) {
      return EngineSteps.take(order, this);
    }

    @Override
    public void watchStep(StepOrder order) {
      EngineSteps.watch(order, this);
    }

    /** The single engine's plan, on this world's containers. */
    @Override
    public ChangePlan planChange(PlanChange request) {
      List<Replica> had = inventory(new Inventory(request.operationId(), request.service()));
      return ReplicaChanges.plan(request.service(), request.operationId(), had, request.wanted(), request.replica());
    }

    /** Containers named {@code <service>-…-<index>} belong to the service. */
    @Override
    public List<Replica> inventory(Inventory request) {
      try {
        planningMayStart.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String prefix = request.service().name() + "-";
      return containers.keySet().stream().filter(n -> n.startsWith(prefix)).sorted()
          .map(n -> new Replica(n, Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)), 0, containers.get(n)))
          .sorted(java.util.Comparator.comparingInt(Replica::index))
          .toList();
    }

    @Override
    public void pull(PullImage request) {
      events.add("pull " + request.image());
    }

    @Override
    public boolean hasImage(PullImage request) {
      return false;
    }

    /** Slow replicas are not healthy within the start's quick look; the others are. */
    @Override
    public boolean startReplica(StartReplica request) {
      containers.put(request.replica().container(), true);
      events.add("start " + request.replica().container());
      return !slowReplicas.contains(request.replica().index()) && !unhealthyReplicas.contains(request.replica().index());
    }

    @Override
    public void awaitHealthy(AwaitHealthy request) {
      if (unhealthyReplicas.contains(request.replica().index())) {
        events.add("unhealthy " + request.replica().container());
        throw ApplicationFailure.newNonRetryableFailure(
            "Replica " + request.replica().index() + " did not become healthy", "ReplicaUnhealthy");
      }
      events.add("healthy " + request.replica().container());
    }

    @Override
    public void stopReplica(StopReplica request) {
      containers.put(request.replica().container(), false);
      events.add("stop " + request.replica().container());
    }

    @Override
    public void stopReplicas(StopReplicas request) {
      request.replicas().forEach(r -> {
        containers.put(r.container(), false);
        events.add("stop " + r.container());
      });
    }

    @Override
    public List<Replica> stopRunning(StopRunning request) {
      List<Replica> running = inventory(new Inventory(request.operationId(), request.service())).stream()
          .filter(Replica::running).toList();
      stopReplicas(new StopReplicas(request.operationId(), request.service(), running));
      return running;
    }

    @Override
    public void removeReplicas(RemoveReplicas request) {
      request.replicas().forEach(r -> containers.remove(r.container()));
      events.add("remove " + request.replicas().stream().map(Replica::container).toList());
    }

    @Override
    public List<Replica> removeAll(RemoveAll request) {
      List<Replica> all = inventory(new Inventory(request.operationId(), request.service()));
      removeReplicas(new RemoveReplicas(request.operationId(), request.step(), all));
      return all;
    }

    @Override
    public void restoreReplicas(RestoreReplicas request) {
      if (rollbackBreaks) {
        throw ApplicationFailure.newNonRetryableFailure("Docker Engine refused to start the old containers", "Broken");
      }
      request.remove().forEach(r -> containers.remove(r.container()));
      request.restart().stream().filter(Replica::running).forEach(r -> containers.put(r.container(), true));
      events.add("restore");
    }
  }

  class Regression implements RegressionActivities {
    @Override
    public RegressionResult run(RunRegressionTests request) {
      // Left to the runtime: the first new replica, where this world's plan put it.
      String url = request.serviceUrl() != null ? request.serviceUrl()
          : "http://127.0.0.1:" + lastPlan.next().get(0).port();
      events.add("regression " + request.testImage() + " at " + url);
      regressionStarted.countDown();
      CountDownLatch hold = regressionGate;
      if (hold != null) {
        try {
          while (!hold.await(100, TimeUnit.MILLISECONDS)) {
            Activity.getExecutionContext().heartbeat(null);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new RegressionResult(regressionPasses, regressionPasses ? 0 : 1, 3);
    }
  }

  class History implements HistoryActivities {
    @Override
    public void open(OpenDeployment request) {
      openedDeployments.add(request.deploymentId().toString());
      events.add("open " + request.phase());
    }

    @Override
    public void log(LogStep request) {
      logLines.add(request.line());
    }

    @Override
    public void enterPhase(EnterPhase request) {}

    @Override
    public void recordVersion(RecordVersion request) {
      events.add("record " + request.tag());
    }

    @Override
    public void succeed(Succeeded request) {
      outcomes.put(request.deploymentId().toString(), "successful: " + request.message());
      events.add("succeed");
    }

    @Override
    public void fail(Failed request) {
      outcomes.put(request.deploymentId().toString(), "failed: " + request.message());
      rolledBack.put(request.deploymentId().toString(), request.rolledBack());
      events.add("fail");
    }
  }
}
