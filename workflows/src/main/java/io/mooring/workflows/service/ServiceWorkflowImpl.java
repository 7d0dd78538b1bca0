package io.mooring.workflows.service;

import static io.mooring.workflows.common.FailureReasons.reasonOf;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.actions.ActionRecord;
import io.mooring.activities.actions.ActionState;
import io.mooring.activities.registry.RegistryActivities;
import io.mooring.activities.registry.RegistryActivities.ResolveImages;
import io.mooring.activities.registry.RegistryActivities.ResolvedImages;
import io.mooring.activities.runtime.ChangePlan;
import io.mooring.activities.runtime.ChangeWanted;
import io.mooring.activities.runtime.NewReplicas;
import io.mooring.activities.runtime.Replica;
import io.mooring.activities.runtime.RolloutStep;
import io.mooring.activities.runtime.RuntimeActivities;
import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.Inventory;
import io.mooring.activities.runtime.RuntimeRequests.PlanChange;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveAll;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.runtime.RuntimeRequests.StopReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StopRunning;
import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceRecordActivities;
import io.mooring.activities.services.ServiceRecordActivities.EnterAction;
import io.mooring.activities.services.ServiceRecordActivities.LoadService;
import io.mooring.activities.services.ServiceRecordActivities.LogAction;
import io.mooring.activities.services.ServiceRecordActivities.OpenAction;
import io.mooring.activities.services.ServiceRecordActivities.RecordReplicas;
import io.mooring.activities.services.ServiceRecordActivities.RecordState;
import io.mooring.activities.services.ServiceRecordActivities.RecordVersion;
import io.mooring.activities.services.ServiceState;
import io.mooring.workflows.common.ActivityPolicies;
import io.mooring.workflows.deployment.DeploymentOutcome;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.deployment.DeploymentWorkflow;
import io.mooring.workflows.deployment.ServiceTurnActivities;
import io.mooring.workflows.deployment.ServiceTurnActivities.DeploymentEnded;
import io.mooring.workflows.deployment.ServiceTurnActivities.FindDeployment;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A service's life, one action at a time: take an action in if the state allows it, enter the
 * action's state, carry it out on the containers, and settle in the state the containers are in.
 */
@WorkflowImpl(taskQueues = TaskQueues.MOORING)
public class ServiceWorkflowImpl implements ServiceWorkflow {

  /** Actions one run carries out before it continues as new, keeping its history short. */
  static final int ACTIONS_PER_RUN = 100;
  /** How long a deployment in the service's turn may stay silent before the service asks whether it still runs. */
  static final Duration DEPLOYMENT_CHECK = Duration.ofMinutes(1);

  /** Waits that can last; every container call of runs that began before changes were local activities. */
  private final RuntimeActivities waits = Workflow.newActivityStub(
      RuntimeActivities.class, ActivityPolicies.ordinaryContainerChanges(), ActivityPolicies.containerWaits());
  private final RuntimeActivities localChanges =
      Workflow.newLocalActivityStub(RuntimeActivities.class, ActivityPolicies.containerChanges());
  private final ServiceRecordActivities records =
      Workflow.newLocalActivityStub(ServiceRecordActivities.class, ActivityPolicies.bookkeeping());
  private final RegistryActivities registry =
      Workflow.newLocalActivityStub(RegistryActivities.class, ActivityPolicies.registryPin());
  private final ServiceTurnActivities deployments =
      Workflow.newLocalActivityStub(ServiceTurnActivities.class, ActivityPolicies.bookkeeping());
  /** Taking an action in reads the engine; two requests must not both decide on the same state. */
  private final WorkflowLock intake = Workflow.newWorkflowLock();

  private final UUID uuid;
  private final String name;
  private ServiceState state;
  private final Deque<QueuedAction> queue = new ArrayDeque<>();
  private int carriedOut;
  /** Deployments in the service's turn that said they ended, by id, until the turn reaches them. */
  private final Map<UUID, DeploymentEnded> endedDeployments = new HashMap<>();
  /** The action being carried out has not ended a workflow task yet: its caller still waits for the answer. */
  private boolean answerFirst;
  /** Containers left stopped: a person stopped them, or Mooring's own action on them failed. */
  private final Set<String> leftStopped = new LinkedHashSet<>();

  @WorkflowInit
  public ServiceWorkflowImpl(ServiceRun run) {
    this.uuid = run.uuid();
    this.name = run.name();
    this.state = run.state();
    queue.addAll(run.queue());
    leftStopped.addAll(run.leftStopped());
  }

  @Override
  public void manage(ServiceRun run) {
    // Each run's own: the Temporal UI shows whose workflow this is even after a continue-as-new.
    Workflow.setCurrentDetails(ActionDetails.idle(name, state));
    while (true) {
      Workflow.await(() -> !queue.isEmpty() || state == ServiceState.TERMINATED || timeToContinueAsNew());
      if (queue.isEmpty()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (!queue.isEmpty()) {
          continue;
        }
        if (state == ServiceState.TERMINATED) {
          return;
        }
        Workflow.continueAsNew(state());
      }
      carryOut(queue.peek());
      queue.poll();
      carriedOut++;
    }
  }

  private boolean timeToContinueAsNew() {
    return carriedOut >= ACTIONS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested();
  }

  @Override
  public ActionAccepted request(ActionRequest request) {
    intake.lock();
    try {
      ServiceAction action = request.action();
      ServiceState now;
      if (action == ServiceAction.DEPLOY) {
        awaitTheEndOfTheDeploymentBefore(request.actionId());
        // Decided on the service's own state: one meant to run whose containers all crashed may
        // still be deployed (its fix), one a person stopped may not. Decided before any wait, since
        // the deployment holds the gate: it never waits for a service action, which may need the gate.
        now = state;
        if (action.allowedIn(now)) {
          // A container's action taken in before it ends first: a deployment changes containers at once.
          Workflow.await(queue::isEmpty);
        }
      } else {
        now = observedState(action);
      }
      if (!action.allowedIn(now)) {
        throw ApplicationFailure.newNonRetryableFailure(refusal(now, action), NOT_ALLOWED);
      }
      if (action != ServiceAction.DEPLOY) {
        // A deployment records its own action, once it is past the gate.
        records.openAction(new OpenAction(new ActionRecord(request.actionId(), name, action.title(),
            request.origin(), ActionState.PENDING, null, null, null)));
      }
      queue.add(new QueuedAction(request, now));
      if (!action.onContainer()) {
        enter(action.during(), false);
      }
      return new ActionAccepted(request.actionId(), state);
    } finally {
      intake.unlock();
    }
  }

  /**
   * A deployment asks for the turn only once it holds the gate, and the deployment before it said
   * it ended before opening the gate: if that one still has the turn, its end is on its way (in
   * this workflow task or the next, whichever order the two arrive in after a crash). The new one
   * waits until the service has settled rather than be refused for a state about to change.
   */
  private void awaitTheEndOfTheDeploymentBefore(UUID next) {
    QueuedAction head = queue.peek();
    if (head == null || head.request().action() != ServiceAction.DEPLOY || head.request().actionId().equals(next)
        || Workflow.getVersion("deploy-awaits-the-end-of-the-one-before", Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    UUID ending = head.request().actionId();
    Workflow.await(() -> queue.isEmpty() || !queue.peek().request().actionId().equals(ending));
  }

  private String refusal(ServiceState now, ServiceAction action) {
    if (action == ServiceAction.DEPLOY) {
      return LifecycleSentences.deploymentNotAllowed(name, now);
    }
    return action.onContainer()
        ? LifecycleSentences.containerNotAllowed(name, now, action)
        : LifecycleSentences.notAllowed(name, now, action);
  }

  @Override
  public void onlyStopsToActOn(StoppedContainer stopped) {
    if (!actsOn(stopped)) {
      throw new IllegalStateException("Service " + name + " leaves " + stopped.container() + " as it is");
    }
  }

  private boolean actsOn(StoppedContainer stopped) {
    return state == ServiceState.RUNNING
        && !leftStopped.contains(stopped.container())
        && queue.stream().noneMatch(q -> stopped.container().equals(q.request().container()));
  }

  @Override
  public ActionAccepted containerStopped(StoppedContainer stopped) {
    intake.lock();
    try {
      if (!actsOn(stopped)) {
        return null;
      }
      ServiceDefinition service = records.definition(new LoadService(uuid));
      ServiceAction action = onStop(service.container(), stopped.exitCode());
      if (action == null) {
        return null;
      }
      List<Replica> have = inventory(null, service);
      boolean stillStopped = have.stream().anyMatch(r -> r.container().equals(stopped.container()) && !r.running());
      // More containers than the target: old ones a deployment could not clean up. Clutter, not a
      // crash: replacing one would add a container, destroying one would lower the target.
      if (!stillStopped || have.size() > service.replicas()) {
        return null;
      }
      UUID id = Workflow.randomUUID();
      ActionOrigin engineEvent = onEngineEvent(stopped);
      records.openAction(new OpenAction(new ActionRecord(id, name, action.title(), engineEvent, ActionState.PENDING,
          null, null, null)));
      queue.add(new QueuedAction(new ActionRequest(id, action, null, engineEvent, null, null, stopped.container()),
          state));
      return new ActionAccepted(id, state);
    } finally {
      intake.unlock();
    }
  }

  /** What Mooring does on its own was asked by no request: its action names the engine's event instead. */
  private static ActionOrigin onEngineEvent(StoppedContainer stopped) {
    return new ActionOrigin("EVENT", "die " + stopped.container() + " (exit code " + stopped.exitCode() + ")", null,
        null, null, "mooring", null, false);
  }

  /**
   * What a stop with {@code exitCode} calls for. Autodestroy comes first: a container meant to go
   * when it stops is not replaced. (The engine's restart policy, autorestart, had its turn before.)
   */
  private static ServiceAction onStop(ContainerSettings container, int exitCode) {
    if (container.autodestroy().appliesTo(exitCode)) {
      return ServiceAction.CONTAINER_TERMINATE;
    }
    return container.autoreplace().appliesTo(exitCode) ? ServiceAction.CONTAINER_REPLACE : null;
  }

  @Override
  public void deploymentEnded(DeploymentEnded ended) {
    endedDeployments.put(ended.deploymentId(), ended);
  }

  @Override
  public ServiceRun state() {
    return new ServiceRun(uuid, name, state, List.copyOf(queue), List.copyOf(leftStopped));
  }

  /**
   * The state to decide on: a service meant to run is read from the engine, since containers
   * stop behind Mooring's back; every other state is the workflow's own.
   */
  private ServiceState observedState(ServiceAction action) {
    if (state != ServiceState.RUNNING) {
      return state;
    }
    // An action that whatever the engine shows allows (terminate, a container's start) needs no look.
    if (EnumSet.of(ServiceState.RUNNING, ServiceState.PARTLY_RUNNING, ServiceState.STOPPED, ServiceState.NOT_RUNNING)
        .stream().allMatch(action::allowedIn)
        && Workflow.getVersion("no-look-when-every-state-allows", Workflow.DEFAULT_VERSION, 1) >= 1) {
      return state;
    }
    ServiceDefinition service = records.definition(new LoadService(uuid));
    long running = inventory(null, service).stream().filter(Replica::running).count();
    return ServiceState.observed(state, service.replicas(), (int) running);
  }

  private void carryOut(QueuedAction queued) {
    ActionRequest request = queued.request();
    UUID id = request.actionId();
    Workflow.setCurrentDetails(ActionDetails.running(name, request));
    try {
      if (request.action() == ServiceAction.DEPLOY) {
        awaitDeployment(id, queued.takenFrom());
      } else {
        carryOutAction(queued);
      }
    } finally {
      Workflow.setCurrentDetails(ActionDetails.idle(name, state));
    }
  }

  private void carryOutAction(QueuedAction queued) {
    ActionRequest request = queued.request();
    UUID id = request.actionId();
    answerFirst = true;
    records.enterAction(new EnterAction(id, ActionState.IN_PROGRESS));
    try {
      switch (request.action()) {
        case START -> start(id);
        case STOP -> stop(id);
        case SCALE -> scale(id, request.target());
        case REDEPLOY -> redeploy(request);
        case TERMINATE -> terminate(id);
        case CONTAINER_START -> startContainer(id, request.container());
        case CONTAINER_STOP -> stopContainer(id, request.container());
        case CONTAINER_TERMINATE -> terminateContainer(id, request.container());
        case CONTAINER_REPLACE -> replaceContainer(id, request.container());
        case DEPLOY -> throw new IllegalStateException("a deployment is awaited, not carried out");
      }
      records.enterAction(new EnterAction(id, ActionState.SUCCESS));
    } catch (ActivityFailure | ChildWorkflowFailure | ActionFailed failure) {
      log(id, "failed", request.action().title() + " failed: " + reasonOf(failure));
      if (request.origin() != null && !request.origin().userAction() && request.container() != null) {
        // Mooring's own action failed: trying again every sweep would only pile up failed actions.
        leftStopped.add(request.container());
      }
      settleAfterFailure(id, queued.takenFrom());
      records.enterAction(new EnterAction(id, ActionState.FAILED));
    }
  }

  /** Starts what the service has and creates what it lacks, from the image its record pins. */
  private void start(UUID id) {
    leftStopped.clear();
    ServiceDefinition service = records.definition(new LoadService(uuid));
    if (changesPlannedByTheRuntime()) {
      ChangePlan plan = planChange(id, service, ChangeWanted.RUN_TARGET, null);
      String image = pinnedImage(id, service);
      log(id, "start", "Starting " + service.name() + ": " + plan.brought().size() + " container(s) of " + image);
      carryOut(id, service, image, plan);
      enter(ServiceState.RUNNING, true);
      return;
    }
    List<Replica> have = inventory(id, service);
    List<Replica> keep = have.subList(0, Math.min(have.size(), service.replicas()));
    removeExtra(id, have, keep);
    List<Replica> toStart = new ArrayList<>(keep.stream().filter(r -> !r.running()).toList());
    String image = pinnedImage(id, service);
    int missing = service.replicas() - keep.size();
    if (missing > 0) {
      toStart.addAll(NewReplicas.after(service, id, have, missing));
    }
    log(id, "start", "Starting " + service.name() + ": " + toStart.size() + " container(s) of " + image);
    startAll(id, service, image, toStart);
    enter(ServiceState.RUNNING, true);
  }

  private void stop(UUID id) {
    leftStopped.clear();
    ServiceDefinition service = records.definition(new LoadService(uuid));
    if (!service.container().sequential() && lookAndChangeInOneStep()) {
      int stopped = changes().stopRunning(new StopRunning(id, service)).size();
      // The state first: the containers are stopped, and a reader waiting for it need not wait for the log.
      enter(ServiceState.STOPPED, false);
      log(id, "stopped", "Stopped " + stopped + " container(s) of " + service.name());
      return;
    }
    List<Replica> running = inventory(id, service).stream().filter(Replica::running).toList();
    if (!service.container().sequential() && Workflow.getVersion("stop-in-one-step", Workflow.DEFAULT_VERSION, 1) >= 1) {
      changes().stopReplicas(new StopReplicas(id, service, running));
    } else {
      forEach(service, running, replica -> changes().stopReplica(new StopReplica(id, service, replica, false)));
    }
    log(id, "stopped", "Stopped " + running.size() + " container(s) of " + service.name());
    enter(ServiceState.STOPPED, false);
  }

  /** Adds or removes containers until the service has {@code target}; removes the newest first. */
  private void scale(UUID id, Integer target) {
    if (target != null) {
      records.recordReplicas(new RecordReplicas(name, target));
    }
    ServiceDefinition service = records.definition(new LoadService(uuid));
    int wanted = service.replicas();
    if (changesPlannedByTheRuntime()) {
      ChangePlan plan = planChange(id, service, ChangeWanted.SCALE_TO_TARGET, null);
      carryOut(id, service, plan.brought().isEmpty() ? null : pinnedImage(id, service), plan);
      log(id, "scaled", "Scaled " + service.name() + " from " + plan.had().size() + " to " + wanted + " container(s)");
      enter(wanted == 0 ? ServiceState.NOT_RUNNING : ServiceState.RUNNING, false);
      return;
    }
    List<Replica> have = inventory(id, service);
    if (have.size() < wanted) {
      String image = pinnedImage(id, service);
      List<Replica> added = NewReplicas.after(service, id, have, wanted - have.size());
      startAll(id, service, image, added);
    } else {
      removeExtra(id, have, have.subList(0, wanted));
    }
    log(id, "scaled", "Scaled " + service.name() + " from " + have.size() + " to " + wanted + " container(s)");
    enter(wanted == 0 ? ServiceState.NOT_RUNNING : ServiceState.RUNNING, false);
  }

  /**
   * A redeploy is a deployment of the tag the service runs, as a Harmony PUT of it would be: the
   * tag's current digest, the gate's line, replicas rolled one by one, rollback on failure.
   */
  private void redeploy(ActionRequest request) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    ActionOrigin origin = request.origin();
    DeploymentRequest redeployment = new DeploymentRequest(request.actionId(), origin.username(), service,
        service.tag(), "latest", request.statusLink(), request.logsLink(), true, origin.callerKind(), null);
    DeploymentWorkflow deployment = Workflow.newChildWorkflowStub(DeploymentWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(DeploymentRequest.workflowId(request.actionId()))
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setStaticSummary(redeployment.summary())
            .setStaticDetails(redeployment.details())
            .build());
    DeploymentOutcome outcome = deployment.deploy(redeployment);
    if (!"successful".equals(outcome.status())) {
      throw new ActionFailed(outcome.message());
    }
    enter(ServiceState.RUNNING, false);
  }

  /**
   * A Harmony deployment's turn: its own workflow rolls the containers over; the service waits
   * until it says it ended, asking now and then whether it still runs (an operator may have
   * terminated it), and settles in what the deployment left.
   */
  private void awaitDeployment(UUID id, ServiceState takenFrom) {
    while (!Workflow.await(DEPLOYMENT_CHECK, () -> endedDeployments.containsKey(id))) {
      if (!deployments.stillRunning(new FindDeployment(id))) {
        break;
      }
    }
    DeploymentEnded ended = endedDeployments.remove(id);
    if (ended == null || !ended.containersAsBefore()) {
      settleAfterFailure(id, takenFrom);
    } else if (ended.succeeded()) {
      // Every container is new: none is left stopped any more.
      leftStopped.clear();
      enter(ServiceState.RUNNING, takenFrom == ServiceState.INIT);
    } else {
      // Nothing changed, or the old containers are back: the service is what it was.
      enter(takenFrom == ServiceState.PARTLY_RUNNING ? ServiceState.RUNNING : takenFrom, false);
    }
  }

  private void terminate(UUID id) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    if (lookAndChangeInOneStep()) {
      changes().removeAll(new RemoveAll(id, "terminate", service));
    } else {
      List<Replica> have = inventory(id, service);
      changes().removeReplicas(new RemoveReplicas(id, "terminate", have));
    }
    enter(ServiceState.TERMINATED, false);
  }

  /**
   * A stop or terminate finds the containers where it changes them, in one activity, rather than
   * after a look of its own: one round trip less. (Runs recorded before look first.)
   */
  private static boolean lookAndChangeInOneStep() {
    return Workflow.getVersion("look-and-change-in-one-step", Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** Starts one container of the service; a stopped service is then partly running. */
  private void startContainer(UUID id, String container) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    if (changesPlannedByTheRuntime()) {
      ChangePlan plan = planChange(id, service, ChangeWanted.RUN_ONE, container);
      had(plan, container);
      leftStopped.remove(container);
      carryOut(id, service, pinnedImage(id, service), plan);
      log(id, "container-started", "Started " + container);
      if (state != ServiceState.RUNNING) {
        enter(ServiceState.RUNNING, true);
      }
      return;
    }
    Replica replica = replicaNamed(id, service, container);
    leftStopped.remove(container);
    startAll(id, service, pinnedImage(id, service), List.of(replica));
    log(id, "container-started", "Started " + container);
    if (state != ServiceState.RUNNING) {
      enter(ServiceState.RUNNING, true);
    }
  }

  /** Stops one container; the service reads partly running (or stopped) from the engine. */
  private void stopContainer(UUID id, String container) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    Replica replica = replicaNamed(id, service, container);
    leftStopped.add(container);
    changes().stopReplica(new StopReplica(id, service, replica, false));
    log(id, "container-stopped", "Stopped " + container);
  }

  /** Removes one container and, as Tutum did, lowers the service's target by one. */
  private void terminateContainer(UUID id, String container) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    Replica replica = replicaNamed(id, service, container);
    leftStopped.remove(container);
    // The target first: whoever reads the service meanwhile sees one container more than it wants, never one short.
    records.recordReplicas(new RecordReplicas(name, Math.max(0, service.replicas() - 1)));
    changes().removeReplicas(new RemoveReplicas(id, "terminate-container", List.of(replica)));
    log(id, "container-terminated", "Terminated " + container + "; " + service.name() + " now runs "
        + Math.max(0, service.replicas() - 1) + " container(s)");
  }

  /** Autoreplace: the stopped container goes, and a new one of the same number takes its place. */
  private void replaceContainer(UUID id, String container) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    if (changesPlannedByTheRuntime()) {
      ChangePlan plan = planChange(id, service, ChangeWanted.REPLACE_ONE, container);
      if (had(plan, container).running()) {
        log(id, "replace-skipped", container + " runs again; nothing to replace");
        return;
      }
      carryOut(id, service, pinnedImage(id, service), plan);
      log(id, "replaced", "Replaced " + container + ", which stopped, with " + plan.brought().get(0).container());
      return;
    }
    List<Replica> have = inventory(id, service);
    Replica stopped = have.stream().filter(r -> r.container().equals(container)).findFirst()
        .orElseThrow(() -> new ActionFailed(LifecycleSentences.containerGone(container)));
    if (stopped.running()) {
      log(id, "replace-skipped", container + " runs again; nothing to replace");
      return;
    }
    List<Replica> others = have.stream().filter(r -> !r.equals(stopped)).toList();
    changes().removeReplicas(new RemoveReplicas(id, "replace", List.of(stopped)));
    List<Replica> replacement = NewReplicas.of(service, id, others, stopped.index(), 1);
    startAll(id, service, pinnedImage(id, service), replacement);
    log(id, "replaced", "Replaced " + container + ", which stopped, with " + replacement.get(0).container());
  }

  /**
   * Actions recorded before the runtime planned their changes look, name new replicas and start
   * them here; later ones ask the runtime for the steps.
   */
  private static boolean changesPlannedByTheRuntime() {
    return Workflow.getVersion("changes-planned-by-the-runtime", Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private ChangePlan planChange(UUID id, ServiceDefinition service, ChangeWanted wanted, String container) {
    return changes().planChange(new PlanChange(id, service, wanted, container));
  }

  /** The replica the plan found by that name; the action fails when it is gone. */
  private static Replica had(ChangePlan plan, String container) {
    return plan.had().stream()
        .filter(r -> r.container().equals(container))
        .findFirst()
        .orElseThrow(() -> new ActionFailed(LifecycleSentences.containerGone(container)));
  }

  /**
   * Takes the plan's steps stage after stage, the steps of one stage side by side, watching each
   * that is not done when taken.
   */
  private void carryOut(UUID id, ServiceDefinition service, String image, ChangePlan plan) {
    for (List<RolloutStep> stage : plan.stages()) {
      List<Promise<Void>> steps = new ArrayList<>();
      for (RolloutStep step : stage) {
        StepOrder order = new StepOrder(id, service, image, service.tag(), step);
        steps.add(Async.procedure(() -> {
          if (!changes().takeStep(order)) {
            waits.watchStep(order);
          }
        }));
      }
      for (Promise<Void> done : steps) {
        done.get();
      }
    }
  }

  /** The service's containers now, running or not. */
  private List<Replica> inventory(UUID id, ServiceDefinition service) {
    return changes().inventory(new Inventory(id, service));
  }

  /**
   * Where container changes and the looks that plan them run: local activities, as in deployments,
   * unless this run began when they were ordinary ones (its history replays only as such). The
   * first of an action is an ordinary activity all the same: scheduling it ends the workflow task
   * that took the action in, and only that end sends the caller its answer ("Starting"), which
   * local activities would otherwise hold back until the action is done.
   */
  private RuntimeActivities changes() {
    if (Workflow.getVersion("container-changes-as-local-activities", Workflow.DEFAULT_VERSION, 1) < 1) {
      return waits;
    }
    if (answerFirst) {
      answerFirst = false;
      return waits;
    }
    return localChanges;
  }

  private Replica replicaNamed(UUID id, ServiceDefinition service, String container) {
    return inventory(id, service).stream()
        .filter(r -> r.container().equals(container))
        .findFirst()
        .orElseThrow(() -> new ActionFailed(LifecycleSentences.containerGone(container)));
  }

  private void removeExtra(UUID id, List<Replica> have, List<Replica> keep) {
    List<Replica> extra = have.stream().filter(r -> !keep.contains(r)).toList();
    if (!extra.isEmpty()) {
      changes().removeReplicas(new RemoveReplicas(id, "remove-extra", extra));
    }
  }

  /** The image new containers run: the digest the record pins, resolved and pinned on a first start. */
  private String pinnedImage(UUID id, ServiceDefinition service) {
    if (service.digest() != null) {
      return service.repository() + "@" + service.digest();
    }
    ResolvedImages resolved = registry.resolve(new ResolveImages(service, service.tag(), null));
    records.recordVersion(new RecordVersion(name, service.tag(), resolved.digest()));
    log(id, "resolved", service.repository() + ":" + service.tag() + " is " + resolved.digest());
    return resolved.image();
  }

  /** Starts the containers and waits until each is healthy: one after another, or all at once. */
  private void startAll(UUID id, ServiceDefinition service, String image, List<Replica> replicas) {
    if (replicas.isEmpty()) {
      return;
    }
    PullImage pull = new PullImage(id, image, service.credentials());
    if (!changes().hasImage(pull)) {
      waits.pull(pull);
    }
    forEach(service, replicas, replica -> {
      if (!changes().startReplica(new StartReplica(id, service, image, service.tag(), replica))) {
        waits.awaitHealthy(new AwaitHealthy(id, service, replica));
      }
    });
  }

  /** Runs {@code step} for each replica: in order when the service is sequential, else side by side. */
  private static void forEach(ServiceDefinition service, List<Replica> replicas, Consumer<Replica> step) {
    if (service.container().sequential()) {
      replicas.forEach(step);
      return;
    }
    List<Promise<Void>> steps = new ArrayList<>();
    for (Replica replica : replicas) {
      steps.add(Async.procedure(() -> step.accept(replica)));
    }
    for (Promise<Void> done : steps) {
      done.get();
    }
  }

  /** After a failed action the service is what its containers are: running if any runs. */
  private void settleAfterFailure(UUID id, ServiceState from) {
    ServiceDefinition service = records.definition(new LoadService(uuid));
    boolean anyRunning;
    try {
      anyRunning = inventory(id, service).stream().anyMatch(Replica::running);
    } catch (ActivityFailure engineDown) {
      anyRunning = from == ServiceState.RUNNING || from == ServiceState.PARTLY_RUNNING;
    }
    ServiceState settled = anyRunning ? ServiceState.RUNNING
        : from == ServiceState.INIT || from == ServiceState.STOPPED ? from : ServiceState.STOPPED;
    enter(settled, false);
  }

  private void enter(ServiceState next, boolean started) {
    state = next;
    records.recordState(new RecordState(name, next, started));
  }

  private void log(UUID id, String step, String line) {
    records.log(new LogAction(id, step, line));
  }



  /** An action that ran but did not reach its end, e.g. a redeploy that was rolled back. */
  private static final class ActionFailed extends RuntimeException {
    ActionFailed(String message) {
      super(message);
    }
  }
}
