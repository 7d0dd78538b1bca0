package io.mooring.activities.runtime;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.activities.actions.LogStep;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.RegistrySettings;
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
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceLink;
import io.mooring.activities.services.RuntimeKind;
import io.mooring.activities.services.ServiceStore;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class RuntimeActivitiesImpl implements RuntimeActivities {

  private static final Duration QUICK_POLL = Duration.ofMillis(20);
  private static final Duration POLL = Duration.ofMillis(250);
  /** Restarts by the engine's restart policy during one watch that mean "it keeps crashing". */
  static final int CRASHES_TOLERATED = 3;
  /** How long a replica may stay down, the engine answering, before it counts as failed. */
  static final Duration DOWN_AT_MOST = Duration.ofSeconds(3);

  private final ContainerRuntime runtime;
  private final ReplicaHealth health;
  private final RegistrySettings credentials;
  private final OperationLog log;
  private final RuntimeSettings settings;
  private final ServiceStore services;
  private final ServiceApiAccess apiAccess;
  /** Services whose runtime keeps their instances itself (Swarm) are told whole and watched. */
  private final ServiceRuntime wholeServices;
  private final ServiceConvergence convergence;
  /**
   * Engine calls for several containers at once, as {@code docker rm a b c} makes them: each waits
   * on the engine, not on this machine's processors.
   */
  private final ExecutorService engineCalls = Executors.newFixedThreadPool(8, runnable -> {
    Thread thread = new Thread(runnable, "engine-calls");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * @param services where linked services are read; a service with no links never asks
   * @param apiAccess the token of a service with Tutum's {@code global} role; others never ask
   * @param wholeServices the runtime of services that run on Docker Swarm
   */
  public RuntimeActivitiesImpl(
      ContainerRuntime runtime,
      ReplicaHealth health,
      RegistrySettings credentials,
      OperationLog log,
      RuntimeSettings settings,
      ServiceStore services,
      ServiceApiAccess apiAccess,
      ServiceRuntime wholeServices) {
    this.wholeServices = wholeServices;
    this.convergence = new ServiceConvergence(wholeServices, settings, log);
    this.services = services;
    this.apiAccess = apiAccess;
    this.runtime = runtime;
    this.health = health;
    this.credentials = credentials;
    this.log = log;
    this.settings = settings;
  }

  @Override
  public RolloutPlan plan(PlanRollout request) {
    ServiceDefinition service = request.service();
    onTheEngine(service, "deployed");
    List<Replica> current = replicasOf(service, request.operationId());
    List<Replica> next = NewReplicas.of(service, request.operationId(), current, 1, service.replicas());
    log.append(request.operationId(), "plan", "Planned rollout: " + current.size()
        + " current container(s) " + names(current) + ", " + next.size() + " new replica(s) on ports "
        + next.stream().map(r -> Integer.toString(r.port())).toList());
    return ReplicaByReplica.plan(request.image(), current, next);
  }

  @Override
  public boolean takeStep(StepOrder order) {
    if (order.step().action() == StepAction.CONVERGE) {
      return convergence.take(order, environmentOf(order.service()));
    }
    return EngineSteps.take(order, this);
  }

  @Override
  public void watchStep(StepOrder order) {
    if (order.step().action() == StepAction.CONVERGE) {
      var context = Activity.getExecutionContext();
      convergence.watch(order, () -> context.heartbeat(null));
      return;
    }
    EngineSteps.watch(order, this);
  }

  @Override
  public ChangePlan planChange(PlanChange request) {
    List<Replica> had = replicasOf(request.service(), null);
    if (request.service().runtime() == RuntimeKind.SWARM) {
      try {
        return WholeService.plan(request.service(), had, request.wanted());
      } catch (IllegalArgumentException notThere) {
        throw ApplicationFailure.newNonRetryableFailure(notThere.getMessage(), "NotOnThisRuntime");
      }
    }
    return ReplicaChanges.plan(request.service(), request.operationId(), had, request.wanted(), request.replica());
  }

  /**
   * Refuses, in a sentence, what a service on a runtime that keeps its instances itself cannot be
   * asked in steps of single containers yet.
   */
  private static void onTheEngine(ServiceDefinition service, String what) {
    if (service.runtime() != RuntimeKind.ENGINE) {
      throw ApplicationFailure.newNonRetryableFailure(service.name() + " runs on " + service.runtime().spelling()
          + ", where it cannot be " + what + " yet: only its creation, start and scale are", "NotOnThisRuntime");
    }
  }

  @Override
  public List<Replica> inventory(Inventory request) {
    return replicasOf(request.service(), null);
  }

  /** The service's replicas but those {@code operation} made (null: all of them), by index. */
  private List<Replica> replicasOf(ServiceDefinition service, UUID operation) {
    String made = operation == null ? null : operation.toString();
    List<ContainerStatus> instances = service.runtime() == RuntimeKind.SWARM
        ? wholeServices.instancesOf(service.name()) : runtime.replicasOf(service.name());
    return instances
        .stream()
        .filter(c -> made == null || !made.equals(c.of().operation()))
        .map(c -> new Replica(c.name(), c.number(), c.of().port(), c.running()))
        .sorted(Comparator.comparingInt(Replica::index).thenComparing(Replica::container))
        .toList();
  }

  @Override
  public boolean hasImage(PullImage request) {
    boolean present = runtime.hasImage(ImageReference.pinned(request.image()));
    if (present) {
      log.append(request.operationId(), "pull.start", "Image " + request.image() + " is already present");
    }
    return present;
  }

  @Override
  public void pull(PullImage request) {
    ImageReference image = ImageReference.pinned(request.image());
    log.append(request.operationId(), "pull.start", "Pulling " + image);
    // Pull progress arrives on docker-java's thread; heartbeat through the context captured here.
    var context = Activity.getExecutionContext();
    runtime.pull(image, credentials.named(request.credentials()), () -> context.heartbeat(null));
    log.append(request.operationId(), "pull.done", "Pulled " + image);
  }

  @Override
  public boolean startReplica(StartReplica request) {
    ServiceDefinition service = request.service();
    onTheEngine(service, "started a container at a time");
    Replica replica = request.replica();
    Map<String, String> env = environmentOf(service);
    boolean global = service.container().roles().contains(ServiceApiAccess.GLOBAL);
    if (service.onHostNetwork()) {
      env.put("PORT", Integer.toString(replica.port()));
      if (health.listens(replica.port()) && runtime.status(replica.container()).isEmpty()) {
        // On the host network whatever listens there would answer the health checks for it.
        throw ApplicationFailure.newNonRetryableFailure(describe(service, replica) + " cannot start: port "
            + replica.port() + " is already taken by a process that is not a replica of " + service.name(),
            "ReplicaUnhealthy");
      }
    }
    runtime.startReplica(new ReplicaToStart(service.name(), request.operationId(), replica, request.image(),
        request.tag(), env, service.container(), global && !service.onHostNetwork()));
    log.append(request.operationId(), ReplicaSteps.of(replica.index(), "start"), "Started replica "
        + replica.index() + " of " + service.replicas() + " as " + replica.container()
        + (service.onHostNetwork() ? " on port " + replica.port() : ""));
    return watch(request.operationId(), service, replica, settings.quickHealthWindow(), false).healthy();
  }

  /** What a new instance of the service finds in its environment: links, its own variables, its token. */
  private Map<String, String> environmentOf(ServiceDefinition service) {
    Map<String, String> env = linkEnvironment(service);
    env.putAll(service.env());
    if (service.container().roles().contains(ServiceApiAccess.GLOBAL)) {
      env.putAll(apiAccess.environment(service.name()));
    }
    return env;
  }

  /**
   * The link variables of every service this one links to, as its containers are now: a container
   * started later (a replacement, a scale) finds the linked service where it is then.
   */
  private Map<String, String> linkEnvironment(ServiceDefinition service) {
    Map<String, String> env = new HashMap<>();
    for (ServiceLink link : service.container().links()) {
      services.find(link.toService()).ifPresent(target -> env.putAll(LinkVariables.of(LinkVariables.prefix(link.name()),
          target, runtime.replicasOf(target.name()))));
    }
    return env;
  }

  @Override
  public void awaitHealthy(AwaitHealthy request) {
    Watch watch = watch(request.operationId(), request.service(), request.replica(), settings.healthTimeout(), true);
    if (!watch.healthy()) {
      Replica replica = request.replica();
      throw ApplicationFailure.newNonRetryableFailure(describe(request.service(), replica) + " did not become healthy within "
          + settings.healthTimeout().toSeconds() + " s: " + request.service().healthPath() + " on port " + replica.port()
          + " never answered 2xx" + (watch.lastAnswer() == null ? "" : " (last it " + watch.lastAnswer() + ")")
          + lastOutput(replica.container()), "ReplicaUnhealthy");
    }
  }

  /** How a watch ended: healthy, or not within its window and what the health path said last. */
  private record Watch(boolean healthy, String lastAnswer) {}

  /**
   * How often a long wait says in the log what it is waiting for: often enough that a broken
   * replica is not a minute of silence, seldom enough that a slow start is not a wall of lines.
   */
  static Duration reportEvery(Duration window) {
    Duration sixth = window.dividedBy(6);
    Duration most = Duration.ofSeconds(10);
    return sixth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sixth.compareTo(most) > 0 ? most : sixth;
  }

  /**
   * Watches a replica for up to {@code window}: true once it is healthy, false when the window ends
   * first. Polls often at first, since most start quickly.
   *
   * <p>A replica seen not running is not failed on sight. Replicas come back with the engine, so
   * one that stopped because the engine itself is going down will run again once the engine is
   * back: the engine becoming unreachable meanwhile makes this attempt fail in a retryable way.
   * A replica that really crashes is restarted by the engine too, so it fails once it crashed
   * {@link #CRASHES_TOLERATED} times, or stayed down for {@link #DOWN_AT_MOST} with the engine up.
   */
  private Watch watch(UUID deploymentId, ServiceDefinition service, Replica replica, Duration window, boolean heartbeat) {
    String which = describe(service, replica);
    Instant started = Instant.now();
    Instant deadline = started.plus(window);
    Integer restartsBefore = null;
    Instant downSince = null;
    String lastAnswer = null;
    Duration reportEvery = reportEvery(window);
    Instant nextReport = started.plus(reportEvery);
    while (true) {
      if (heartbeat) {
        Activity.getExecutionContext().heartbeat(null);
      }
      ContainerStatus status = runtime.status(replica.container()).orElseThrow(() ->
          ApplicationFailure.newNonRetryableFailure(which + " disappeared before it became healthy", "ReplicaUnhealthy"));
      restartsBefore = restartsBefore == null ? status.restarts() : restartsBefore;
      int crashes = status.restarts() - restartsBefore;
      if (crashes >= CRASHES_TOLERATED) {
        throw ApplicationFailure.newNonRetryableFailure(which + " keeps exiting: the engine restarted it " + crashes
            + " times before it became healthy" + lastOutput(replica.container()), "ReplicaUnhealthy");
      }
      if (!status.running()) {
        downSince = downSince == null ? Instant.now() : downSince;
        if (Duration.between(downSince, Instant.now()).compareTo(DOWN_AT_MOST) >= 0) {
          throw ApplicationFailure.newNonRetryableFailure(which + " exited with code " + status.exitCode()
              + " before it became healthy" + lastOutput(replica.container()), "ReplicaUnhealthy");
        }
        sleep(POLL);
        continue;
      }
      downSince = null;
      Duration running = Duration.between(started, Instant.now());
      boolean ready;
      if (service.healthPath() == null) {
        ready = running.compareTo(settings.readyAfter()) >= 0;
      } else {
        ReplicaHealth.Answer answer = health.ask(replica.port(), service.healthPath());
        ready = answer.healthy();
        lastAnswer = answer.said();
      }
      if (ready) {
        log.append(deploymentId, ReplicaSteps.of(replica.index(), "healthy"), which + " is healthy"
            + (service.healthPath() == null ? " (running for " + settings.readyAfter().toSeconds() + " s)"
                : " (" + service.healthPath() + " answered on port " + replica.port() + ")"));
        return new Watch(true, lastAnswer);
      }
      Instant now = Instant.now();
      if (now.isAfter(deadline)) {
        return new Watch(false, lastAnswer);
      }
      if (heartbeat && !now.isBefore(nextReport)) {
        // Named by the time waited, so an attempt retried after a crash does not say it twice.
        long waited = Duration.between(started, nextReport).toSeconds();
        log.append(deploymentId, ReplicaSteps.of(replica.index(), "waiting-" + waited + "s"),
            "Waiting for " + which + " to become healthy: " + waitingFor(service, replica, lastAnswer) + "; "
                + waited + " s waited, " + Math.max(0, window.toSeconds() - waited) + " s left");
        nextReport = nextReport.plus(reportEvery);
      }
      sleep(running.compareTo(Duration.ofSeconds(1)) < 0 ? QUICK_POLL : POLL);
    }
  }

  private String waitingFor(ServiceDefinition service, Replica replica, String lastAnswer) {
    if (service.healthPath() == null) {
      return "without a health path it must run for " + settings.readyAfter().toSeconds() + " s";
    }
    return service.healthPath() + " on port " + replica.port() + " " + (lastAnswer == null ? "was not asked yet" : lastAnswer);
  }

  private static String describe(ServiceDefinition service, Replica replica) {
    return "Replica " + replica.index() + " of " + service.replicas() + " (" + replica.container() + ")";
  }

  @Override
  public void stopReplica(StopReplica request) {
    onTheEngine(request.service(), "stopped a container at a time");
    Replica replica = request.replica();
    runtime.stop(replica.container());
    if (request.keptForRollback()) {
      log.append(request.operationId(), ReplicaSteps.of(replica.index(), "stop-old"), "Stopped old replica "
          + replica.index() + " (" + replica.container() + "), kept for rollback until the deployment ends");
    } else {
      log.append(request.operationId(), replica.container() + ".stop", "Stopped replica " + replica.index()
          + " (" + replica.container() + ")");
    }
  }

  @Override
  public void stopReplicas(StopReplicas request) {
    onTheEngine(request.service(), "stopped");
    stopSideBySide(request.operationId(), request.replicas());
  }

  @Override
  public List<Replica> stopRunning(StopRunning request) {
    onTheEngine(request.service(), "stopped");
    List<Replica> running = replicasOf(request.service(), null).stream().filter(Replica::running).toList();
    stopSideBySide(request.operationId(), running);
    return running;
  }

  private void stopSideBySide(UUID operationId, List<Replica> replicas) {
    onEach(replicas, replica -> runtime.stop(replica.container()));
    log.appendAll(operationId, replicas.stream().map(replica -> new LogStep(replica.container() + ".stop",
        "Stopped replica " + replica.index() + " (" + replica.container() + ")")).toList());
  }

  @Override
  public void removeReplicas(RemoveReplicas request) {
    onEach(request.replicas(), replica -> runtime.remove(replica.container()));
    log.append(request.operationId(), request.step() + ".removed", "Removed " + names(request.replicas()));
  }

  @Override
  public List<Replica> removeAll(RemoveAll request) {
    onTheEngine(request.service(), "terminated");
    List<Replica> all = replicasOf(request.service(), null);
    removeReplicas(new RemoveReplicas(request.operationId(), request.step(), all));
    return all;
  }

  @Override
  public void restoreReplicas(RestoreReplicas request) {
    onEach(request.remove(), replica -> runtime.remove(replica.container()));
    log.append(request.operationId(), "rollback.removed", "Rollback removed new container(s) " + names(request.remove()));
    List<Replica> restart = request.restart().stream().filter(Replica::running).toList();
    for (Replica replica : restart) {
      Activity.getExecutionContext().heartbeat(null);
      runtime.start(replica.container());
    }
    log.append(request.operationId(), "rollback.restarted", "Rollback restarted previous container(s) " + names(restart));
  }

  /**
   * Runs {@code call} for every replica side by side and waits for all, heartbeating meanwhile;
   * then fails with the first failure, if any (every call is safe to repeat on a retry).
   */
  private void onEach(List<Replica> replicas, Consumer<Replica> call) {
    var context = Activity.getExecutionContext();
    List<Future<?>> calls = replicas.stream().<Future<?>>map(r -> engineCalls.submit(() -> call.accept(r))).toList();
    RuntimeException failure = null;
    for (Future<?> pending : calls) {
      while (true) {
        try {
          pending.get(1, TimeUnit.SECONDS);
          break;
        } catch (TimeoutException stillWorking) {
          context.heartbeat(null);
        } catch (ExecutionException failed) {
          if (failure == null) {
            failure = failed.getCause() instanceof RuntimeException r ? r : new IllegalStateException(failed.getCause());
          }
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          calls.forEach(c -> c.cancel(true));
          throw ApplicationFailure.newFailure("Interrupted", "Interrupted");
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @PreDestroy
  void stopCalling() {
    engineCalls.shutdownNow();
  }

  private String lastOutput(String container) {
    try {
      List<String> lines = runtime.logs(container, 5);
      return lines.isEmpty() ? "" : ". Last output: " + String.join(" | ", lines);
    } catch (RuntimeUnavailableException e) {
      return "";
    }
  }

  private static List<String> names(List<Replica> replicas) {
    return replicas.stream().map(Replica::container).toList();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("Interrupted while waiting", "Interrupted");
    }
  }
}
