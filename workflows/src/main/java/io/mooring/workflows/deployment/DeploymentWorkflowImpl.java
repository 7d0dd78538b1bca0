package io.mooring.workflows.deployment;

import static io.mooring.workflows.common.FailureReasons.reasonOf;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.deployments.HistoryActivities;
import io.mooring.activities.deployments.HistoryActivities.EnterPhase;
import io.mooring.activities.deployments.HistoryActivities.Failed;
import io.mooring.activities.deployments.HistoryActivities.LogStep;
import io.mooring.activities.deployments.HistoryActivities.OpenDeployment;
import io.mooring.activities.deployments.HistoryActivities.RecordVersion;
import io.mooring.activities.deployments.HistoryActivities.Succeeded;
import io.mooring.activities.registry.RegistryActivities;
import io.mooring.activities.registry.RegistryActivities.ResolveImages;
import io.mooring.activities.registry.RegistryActivities.ResolvedImages;
import io.mooring.activities.regression.RegressionActivities;
import io.mooring.activities.regression.RegressionActivities.RegressionResult;
import io.mooring.activities.regression.RegressionActivities.RunRegressionTests;
import io.mooring.activities.runtime.Replica;
import io.mooring.activities.runtime.RolloutPlan;
import io.mooring.activities.runtime.RolloutStep;
import io.mooring.activities.runtime.RuntimeActivities;
import io.mooring.activities.runtime.RuntimeRequests.AwaitHealthy;
import io.mooring.activities.runtime.RuntimeRequests.PlanRollout;
import io.mooring.activities.runtime.RuntimeRequests.PullImage;
import io.mooring.activities.runtime.RuntimeRequests.RemoveReplicas;
import io.mooring.activities.runtime.RuntimeRequests.RestoreReplicas;
import io.mooring.activities.runtime.RuntimeRequests.StartReplica;
import io.mooring.activities.runtime.RuntimeRequests.StepOrder;
import io.mooring.activities.runtime.RuntimeRequests.StopReplica;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.workflows.common.ActivityPolicies;
import io.mooring.workflows.deployment.Admission.Verdict;
import io.mooring.workflows.deployment.ServiceTurnActivities.DeploymentEnded;
import io.mooring.workflows.deployment.ServiceTurnActivities.TakeTurn;
import io.mooring.workflows.deployment.ServiceTurnActivities.Turn;
import io.mooring.workflows.gate.GateActivities;
import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Grant;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Outcome;
import io.mooring.workflows.gate.GateMessages.Release;
import io.mooring.workflows.gate.GateState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The story of one deployment: validate the image, take the gate, roll the service over in the
 * steps its runtime plans, run the regression tests, and either record the new version or put the
 * old one back.
 */
@WorkflowImpl(taskQueues = TaskQueues.MOORING)
public class DeploymentWorkflowImpl implements DeploymentWorkflow {

  private final RegistryActivities registry =
      Workflow.newLocalActivityStub(RegistryActivities.class, ActivityPolicies.registryVerdict());
  private final RuntimeActivities planner =
      Workflow.newLocalActivityStub(RuntimeActivities.class, ActivityPolicies.localPlan());
  private final RuntimeActivities firstStep =
      Workflow.newActivityStub(RuntimeActivities.class, ActivityPolicies.plan());
  private final RuntimeActivities containers =
      Workflow.newLocalActivityStub(RuntimeActivities.class, ActivityPolicies.containerChanges());
  private final RuntimeActivities waits =
      Workflow.newActivityStub(RuntimeActivities.class, ActivityPolicies.waits());
  private final RegressionActivities regression =
      Workflow.newActivityStub(RegressionActivities.class, ActivityPolicies.waits());
  private final HistoryActivities history =
      Workflow.newLocalActivityStub(HistoryActivities.class, ActivityPolicies.bookkeeping());
  private final GateActivities gate =
      Workflow.newLocalActivityStub(GateActivities.class, ActivityPolicies.bookkeeping());
  private final ServiceTurnActivities serviceTurn =
      Workflow.newLocalActivityStub(ServiceTurnActivities.class, ActivityPolicies.serviceTurn());

  private DeploymentRequest request;
  private UUID id;
  private ServiceDefinition service;
  private Admission admission;
  private ResolvedImages images;
  private boolean granted;
  /** The deployment runs in its service's turn and must give it back when it ends. */
  private boolean holdsServiceTurn;
  /** Someone cancelled it: its action ends as Canceled rather than Failed. */
  private boolean cancelled;
  private RolloutPlan plan;
  /** The runtime planned the steps; deployments that began before it did derive them here. */
  private boolean stepsFromTheRuntime;
  private DeploymentProgress progress;

  @Override
  public DeploymentOutcome deploy(DeploymentRequest request) {
    DeploymentOutcome outcome = carryOut(request);
    // Given back before the gate opened on every path but one: a cancel while the turn was asked for.
    giveServiceTurnBack(outcome.status(), true);
    showInSearch(outcome.status());
    return outcome;
  }

  private DeploymentOutcome carryOut(DeploymentRequest request) {
    this.request = request;
    this.id = request.deploymentId();
    this.service = request.service();
    enter("validating", "Validating " + service.repository() + ":" + request.tag());

    admission = admit(request);
    if (!admission.accepted()) {
      enter("finished", admission.detail());
      return new DeploymentOutcome("rejected", admission.detail(), false);
    }
    try {
      awaitOurTurn();
      rollOut();
      runRegressionTests();
    } catch (CanceledFailure | ActivityFailure | DeploymentFailed failure) {
      // A cancelled activity surfaces as an ActivityFailure too: ask the scope, not the exception.
      cancelled = CancellationScope.current().isCancelRequested();
      String reason = cancelled ? "Deployment cancelled on request" : reasonOf(failure);
      // Cleaning up must not itself be cancelled.
      DeploymentOutcome[] outcome = new DeploymentOutcome[1];
      Workflow.newDetachedCancellationScope(() -> outcome[0] = fail(reason)).run();
      return outcome[0];
    }
    return succeed();
  }

  /**
   * Harmony's validators that need the world, in its order: deployments enabled, image reachable,
   * lock acquired. Nothing is stored unless all pass.
   */
  private Admission admit(DeploymentRequest request) {
    try {
      if (!request.queue()) {
        GateState state = gate.inspect();
        if (!state.enabled()) {
          return Admission.refused(Verdict.DISABLED, "Service deployment is disabled. Reason: " + state.message() + ".");
        }
      }
      try {
        images = registry.resolve(new ResolveImages(service, request.tag(), request.regressionTestVersion()));
      } catch (ActivityFailure failure) {
        boolean missing = failure.getCause() instanceof ApplicationFailure app
            && RegistryActivities.IMAGE_UNREACHABLE.equals(app.getType());
        return Admission.refused(missing ? Verdict.UNREACHABLE : Verdict.REGISTRY_UNAVAILABLE, reasonOf(failure));
      }
      return takeTheGate();
    } catch (CanceledFailure | ActivityFailure cancelled) {
      if (!CancellationScope.current().isCancelRequested()) {
        throw cancelled;
      }
      // Cancelled while it asked for the service's turn with the gate already its own: both go back.
      if (granted && Workflow.getVersion("cancel-gives-the-gate-back", Workflow.DEFAULT_VERSION, 1) >= 1) {
        Workflow.newDetachedCancellationScope(() -> {
          giveServiceTurnBack("rejected", true);
          gate.release(new Release(id.toString(), "Re-enable service deployment after cancelled deployment: " + id));
        }).run();
        granted = false;
      }
      return Admission.refused(Verdict.LOCKED, "Deployment cancelled before it was admitted");
    }
  }

  /**
   * Takes the service's turn once the gate is ours, so a state that allows no deployment is refused
   * (at once, when the deployment did not wait in line) and nothing else changes the containers
   * while this deployment does. A deployment its service's workflow started (a redeploy) runs in
   * that turn already. Returns the refusal, or null when the turn is taken or not needed.
   */
  private String takeServiceTurn() {
    if (service.uuid() == null || Workflow.getInfo().getParentWorkflowId().isPresent()
        || Workflow.getVersion("takes-the-service-turn", Workflow.DEFAULT_VERSION, 1) < 1) {
      return null;
    }
    // Held from the moment it is asked for: a cancel during the asking must still give it back.
    holdsServiceTurn = true;
    Turn turn = serviceTurn.take(new TakeTurn(service.uuid(), id, request.origin(), request.statusLink(),
        request.logsLink()));
    holdsServiceTurn = turn.taken();
    return turn.refusal();
  }

  /**
   * The service's next action may go. Said before the gate opens, so a deployment of the same
   * service waiting in line finds the turn free when the gate lets it go.
   *
   * @param containersAsBefore the containers are what they were before this deployment (it
   *     succeeded, changed nothing or was rolled back): the service need not ask the engine
   */
  private void giveServiceTurnBack(String status, boolean containersAsBefore) {
    if (holdsServiceTurn) {
      holdsServiceTurn = false;
      Workflow.newDetachedCancellationScope(() -> serviceTurn.giveBack(
          new DeploymentEnded(service.uuid(), id, status, containersAsBefore))).run();
    }
  }

  private Admission takeTheGate() {
    Decision decision = gate.acquire(new Acquire(id.toString(), Workflow.getInfo().getWorkflowId(),
        "Locked for service deployment: " + request.statusLink(), request.queue()));
    if (decision.outcome() == Outcome.REFUSED) {
      return Admission.refused(Verdict.LOCKED,
          "Unable to acquire service deployment lock. Reason: " + decision.message() + ". Try again later.");
    }
    granted = decision.outcome() == Outcome.GRANTED;
    if (granted) {
      String refusal = takeServiceTurn();
      if (refusal != null) {
        gate.release(new Release(id.toString(), "Re-enable service deployment after refused deployment: " + id));
        return Admission.refused(Verdict.SERVICE_STATE, refusal);
      }
    }
    String phase = granted ? "rolling-out" : "queued";
    history.open(new OpenDeployment(id, request.username(), service.name(), request.tag(),
        request.regressionTestVersion(), images.digest(), service.tag(), phase, request.callerKind(),
        request.origin()));
    log("admitted", "Deployment of " + service.name() + " " + service.tag() + " -> " + request.tag()
        + " requested by " + request.username() + "; image " + images.image()
        + (images.testImage() == null ? "" : ", regression tests " + images.testImage()));
    if (granted) {
      log("gate", "Took the service deployment lock");
      return new Admission(Verdict.ADMITTED, null, 0);
    }
    log("queued", "Waiting for the service deployment lock, place " + decision.place() + " in line");
    progress = new DeploymentProgress("queued", "Waiting for the service deployment lock", 0, service.replicas(),
        startedAt(), now());
    return new Admission(Verdict.QUEUED, null, decision.place());
  }

  private void awaitOurTurn() {
    if (!granted) {
      enter("queued", "Waiting for the service deployment lock");
      Workflow.await(() -> granted);
      log("gate", "Took the service deployment lock after waiting in line");
      String refusal = takeServiceTurn();
      if (refusal != null) {
        throw new DeploymentFailed(refusal);
      }
    }
  }

  private void rollOut() {
    enter("rolling-out", "Planning the rollout");
    // Planning as an ordinary activity ends the workflow task that admitted the deployment, so the
    // caller's 202 leaves now rather than once the local activities of the rollout are done.
    PlanRollout planning = new PlanRollout(id, service, images.image());
    plan = Workflow.getVersion("plan-answers-the-caller", Workflow.DEFAULT_VERSION, 1) >= 1
        ? firstStep.plan(planning) : planner.plan(planning);
    // A plan without steps came from a Mooring that did not plan them yet: derive them as it did.
    stepsFromTheRuntime = !plan.rollout().isEmpty()
        && Workflow.getVersion("steps-from-the-runtime", Workflow.DEFAULT_VERSION, 1) >= 1;
    if (stepsFromTheRuntime) {
      plan.rollout().forEach(this::take);
    } else {
      rollOutReplicaByReplica();
    }
  }

  /**
   * Takes one step of the runtime's plan, and watches it to its end when it goes on. Taking is a
   * container change; watching is a wait that a cancel ends.
   */
  private void take(RolloutStep step) {
    progressReplica(step.replica(), step.says());
    StepOrder order = new StepOrder(id, service, images.image(), request.tag(), step);
    boolean[] done = new boolean[1];
    change(() -> done[0] = containers.takeStep(order));
    if (!done[0]) {
      progressReplica(step.replica(), step.awaits());
      waits.watchStep(order);
    }
  }

  /** The steps as deployments recorded before the runtime planned them took them. */
  private void rollOutReplicaByReplica() {
    PullImage pull = new PullImage(id, images.image(), service.credentials());
    if (!containers.hasImage(pull)) {
      waits.pull(pull);
    }
    List<Replica> current = plan.current();
    List<Replica> next = plan.next();
    for (int i = 0; i < next.size(); i++) {
      Replica replica = next.get(i);
      progressReplica(replica.index(), "Starting replica " + replica.index() + " of " + next.size());
      boolean[] healthy = new boolean[1];
      change(() -> healthy[0] = containers.startReplica(new StartReplica(id, service, images.image(), request.tag(), replica)));
      if (!healthy[0]) {
        progressReplica(replica.index(), "Waiting for replica " + replica.index() + " to become healthy");
        waits.awaitHealthy(new AwaitHealthy(id, service, replica));
      }
      if (i < current.size()) {
        Replica old = current.get(i);
        progressReplica(replica.index(), "Stopping old replica " + old.index());
        change(() -> containers.stopReplica(new StopReplica(id, service, old, true)));
      }
    }
    for (Replica leftover : current.subList(Math.min(next.size(), current.size()), current.size())) {
      change(() -> containers.stopReplica(new StopReplica(id, service, leftover, true)));
    }
  }

  /**
   * A container change is never abandoned halfway: it runs to its end even when a cancel arrives,
   * and the cancel takes effect right after it, so the rollback knows exactly what exists.
   */
  private void change(Runnable step) {
    Workflow.newDetachedCancellationScope(step).run();
    if (CancellationScope.current().isCancelRequested()) {
      throw new CanceledFailure("Deployment cancelled on request");
    }
  }

  private void runRegressionTests() {
    if (images.testImage() == null) {
      log("regression.skipped", "No regression test image for " + service.name() + ": regression tests skipped");
      return;
    }
    enter("testing", "Running regression tests " + request.regressionTestVersion());
    // The runtime says where the new replicas answer, unless the deployment began before it did.
    String serviceUrl = stepsFromTheRuntime ? null : "http://127.0.0.1:" + plan.next().get(0).port();
    RegressionResult result = regression.run(new RunRegressionTests(id, service, images.testImage(), request.tag(), serviceUrl));
    if (!result.passed()) {
      throw new DeploymentFailed("Regression tests failed with exit code " + result.exitCode());
    }
  }

  /**
   * The gate opens before the terminal status is written, as in Harmony: whoever reads "successful"
   * or "failed" may deploy again at once.
   */
  private DeploymentOutcome succeed() {
    enter("finishing", "Recording " + request.tag() + " as the current version");
    history.recordVersion(new RecordVersion(id, service.name(), request.tag(), images.digest()));
    try {
      if (stepsFromTheRuntime) {
        plan.cleanUp().forEach(this::takeWhole);
      } else {
        containers.removeReplicas(new RemoveReplicas(id, "cleanup", plan.current()));
      }
    } catch (ActivityFailure cleanupFailed) {
      // The new version runs and is recorded; leftover stopped containers are only clutter.
      log("cleanup.failed", "Could not remove the old containers: " + reasonOf(cleanupFailed));
    }
    giveServiceTurnBack("successful", true);
    gate.release(new Release(id.toString(), "Re-enable service deployment after successful deployment: " + id));
    String message = "Deployment successful. See details at: " + request.logsLink();
    history.succeed(new Succeeded(id, message));
    enter("finished", message);
    return new DeploymentOutcome("successful", message, false);
  }

  /** Puts the previous version back; the gate opens only if that worked. */
  private DeploymentOutcome fail(String reason) {
    String failure = "Failed service deployment for deploymentId: " + id + ". Error: " + reason;
    if (!granted) {
      // Still in line: nothing was changed, only the place in line is given up.
      gate.leave(new Leave(id.toString()));
      return finishFailed(failure, false);
    }
    if (plan == null) {
      // Failed before any container was touched.
      giveServiceTurnBack("failed", true);
      gate.release(new Release(id.toString(), "Re-enable service deployment after failed deployment: " + id));
      return finishFailed(failure + ". Nothing was changed.", false);
    }
    enter("rolling-back", "Rolling back: " + reason);
    log("rollback.start", "Rolling back to " + service.tag() + ": " + reason);
    try {
      if (stepsFromTheRuntime) {
        plan.restore().forEach(this::takeWhole);
      } else {
        containers.restoreReplicas(new RestoreReplicas(id, plan.current(), plan.next()));
      }
    } catch (ActivityFailure rollbackFailed) {
      giveServiceTurnBack("failed", false);
      gate.hold(new Hold(id.toString(), "Rollback of service deployment " + id + " failed; " + service.name()
          + " needs an operator before service deployment is re-enabled. See " + request.statusLink()));
      return finishFailed(failure + ". Rollback failed: " + reasonOf(rollbackFailed), false);
    }
    giveServiceTurnBack("failed", true);
    gate.release(new Release(id.toString(), "Re-enable service deployment after rolled back deployment: " + id));
    return finishFailed(failure + ". Rolled back to " + service.tag() + ".", true);
  }

  /**
   * Takes a step of a rollback or clean-up to its end. These run after the deployment's outcome is
   * decided (in a scope a cancel does not reach), so the progress stays on what the phase says.
   */
  private void takeWhole(RolloutStep step) {
    StepOrder order = new StepOrder(id, service, images.image(), request.tag(), step);
    if (!containers.takeStep(order)) {
      waits.watchStep(order);
    }
  }

  private DeploymentOutcome finishFailed(String message, boolean rolledBack) {
    history.fail(new Failed(id, message, rolledBack, cancelled));
    enter("finished", message);
    return new DeploymentOutcome("failed", message, rolledBack);
  }

  @Override
  public Admission admit() {
    Workflow.await(() -> admission != null);
    return admission;
  }

  @Override
  public void gateGranted(Grant grant) {
    granted = true;
  }

  @Override
  public DeploymentProgress progress() {
    return progress;
  }

  /** Lets the Temporal UI find deployments by how they ended, where Mooring registered its attributes. */
  private void showInSearch(String status) {
    boolean searchable = Workflow.getTypedSearchAttributes().containsKey(DeploymentSearchAttributes.KIND);
    if (searchable && Workflow.getVersion("search-status", Workflow.DEFAULT_VERSION, 1) >= 1) {
      Workflow.upsertTypedSearchAttributes(DeploymentSearchAttributes.STATUS.valueSet(status));
    }
  }

  private void enter(String phase, String step) {
    boolean changed = progress == null || !phase.equals(progress.phase());
    progress = new DeploymentProgress(phase, step, 0, service.replicas(), startedAt(), now());
    if (changed && admission != null && admission.accepted()) {
      history.enterPhase(new EnterPhase(id, phase));
    }
  }

  private void progressReplica(int replica, String step) {
    progress = new DeploymentProgress(progress.phase(), step, replica, service.replicas(), startedAt(), now());
  }

  private void log(String step, String line) {
    history.log(new LogStep(id, step, line));
  }

  private Instant startedAt() {
    return progress == null ? now() : progress.startedAt();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }



  /** A deployment that ran but did not meet its bar, e.g. failing regression tests. */
  private static final class DeploymentFailed extends RuntimeException {
    DeploymentFailed(String message) {
      super(message);
    }
  }
}
