package io.mooring.activities.store;

import io.mooring.activities.TaskQueues;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class HistoryActivitiesImpl implements HistoryActivities {

  private final DeploymentStore deployments;
  private final ServiceStore services;
  private final DeploymentLog log;
  private final Clock clock;
  private final DeploymentMetrics metrics;

  public HistoryActivitiesImpl(DeploymentStore deployments, ServiceStore services, DeploymentLog log, Clock clock,
      DeploymentMetrics metrics) {
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
    if (opened) {
      metrics.started(request.service());
      if (!"queued".equals(request.phase())) {
        metrics.waitedForTheGate(request.service(), Duration.ZERO);
      }
    }
  }

  @Override
  public void log(LogStep request) {
    log.append(request.deploymentId(), request.step(), request.line());
  }

  @Override
  public void enterPhase(EnterPhase request) {
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
    finish(request.deploymentId(), DeploymentStatus.SUCCESSFUL, request.message(), false);
  }

  @Override
  public void fail(Failed request) {
    finish(request.deploymentId(), DeploymentStatus.FAILED, request.message(), request.rolledBack());
  }

  private void finish(UUID id, DeploymentStatus status, String message, boolean rolledBack) {
    if (deployments.finish(id, status, message, rolledBack)) {
      deployments.find(id).ifPresent(record -> metrics.finished(record, clock.instant()));
    }
    log.append(id, "finish", message);
  }
}
