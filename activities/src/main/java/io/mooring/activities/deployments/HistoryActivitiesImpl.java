package io.mooring.activities.deployments;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.actions.ActionRecord;
import io.mooring.activities.actions.ActionState;
import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.actions.LogStep;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.watch.WatchPolicies;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class HistoryActivitiesImpl implements HistoryActivities {

  /** Tutum's name for a deployment's action. */
  static final String DEPLOY_ACTION = "Service Deploy";
  private static final String QUEUED = "queued";

  private final DeploymentStore deployments;
  private final ServiceStore services;
  private final OperationLog log;
  private final Clock clock;
  private final DeploymentMetrics metrics;
  private final ActionStore actions;
  private final WatchPolicies watchPolicies;

  public HistoryActivitiesImpl(DeploymentStore deployments, ServiceStore services, OperationLog log, Clock clock,
      DeploymentMetrics metrics, ActionStore actions, WatchPolicies watchPolicies) {
    this.actions = actions;
    this.watchPolicies = watchPolicies;
    this.metrics = metrics;
    this.deployments = deployments;
    this.services = services;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void open(OpenDeployment request) {
    var now = clock.instant();
    boolean opened = deployments.open(new DeploymentRecord(
        request.deploymentId(),
        request.username(),
        request.service(),
        request.tag(),
        request.regressionTestVersion(),
        DeploymentStatus.RUNNING,
        request.phase(),
        "Deployment in progress",
        request.digest(),
        request.previousTag(),
        false,
        now,
        now,
        request.callerKind()));
    actions.open(new ActionRecord(request.deploymentId(), request.service(), DEPLOY_ACTION, originOf(request),
        QUEUED.equals(request.phase()) ? ActionState.PENDING : ActionState.IN_PROGRESS, null, null, null));
    if (opened) {
      metrics.started(request.service());
      if (!QUEUED.equals(request.phase())) {
        metrics.waitedForTheGate(request.service(), Duration.ZERO);
      }
    }
  }

  /** A deployment started before Mooring recorded its caller's request came from Harmony's PUT. */
  private static ActionOrigin originOf(OpenDeployment request) {
    return request.origin() != null ? request.origin() : new ActionOrigin("PUT",
        "/service-image-tag/" + request.service(), null, null, null, request.username(), request.callerKind(), true);
  }

  @Override
  public void log(LogStep request) {
    log.append(request.deploymentId(), request.step(), request.line());
  }

  @Override
  public void enterPhase(EnterPhase request) {
    // Before leaving the line, and each time: a retry after a crash between the two writes still
    // starts the action, and for one already started it matches no row.
    actions.enter(request.deploymentId(), ActionState.IN_PROGRESS);
    if (deployments.leaveQueue(request.deploymentId(), request.phase())) {
      deployments.find(request.deploymentId()).ifPresent(record -> metrics.waitedForTheGate(record.service(),
          Duration.between(record.createdAt(), clock.instant())));
      return;
    }
    deployments.enterPhase(request.deploymentId(), request.phase());
  }

  @Override
  public void recordVersion(RecordVersion request) {
    services.recordVersion(request.service(), request.tag(), request.digest());
    log.append(request.deploymentId(), "version", "Recorded " + request.tag() + " (" + request.digest()
        + ") as the current version of " + request.service());
  }

  @Override
  public void succeed(Succeeded request) {
    watchPolicies.pinIfSucceeded(request.deploymentId()).ifPresent(pinned -> log.append(request.deploymentId(), "pinned",
        "Pinned " + pinned.service() + " to " + pinned.pinnedTag()
            + ": the registry watcher keeps it there until the pin is reset"));
    finish(request.deploymentId(), DeploymentStatus.SUCCESSFUL, request.message(), false);
    actions.enter(request.deploymentId(), ActionState.SUCCESS);
  }

  @Override
  public void fail(Failed request) {
    watchPolicies.forgetPin(request.deploymentId());
    finish(request.deploymentId(), DeploymentStatus.FAILED, request.message(), request.rolledBack());
    actions.enter(request.deploymentId(), request.cancelled() ? ActionState.CANCELED : ActionState.FAILED);
  }

  private void finish(UUID id, DeploymentStatus status, String message, boolean rolledBack) {
    if (deployments.finish(id, status, message, rolledBack)) {
      deployments.find(id).ifPresent(record -> metrics.finished(record, clock.instant()));
    }
    log.append(id, "finish", message);
  }
}
