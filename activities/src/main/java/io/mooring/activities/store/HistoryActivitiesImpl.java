package io.mooring.activities.store;

import io.mooring.activities.TaskQueues;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class HistoryActivitiesImpl implements HistoryActivities {

  private final DeploymentStore deployments;
  private final ServiceStore services;
  private final DeploymentLog log;
  private final Clock clock;

  public HistoryActivitiesImpl(DeploymentStore deployments, ServiceStore services, DeploymentLog log, Clock clock) {
    this.deployments = deployments;
    this.services = services;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void open(OpenDeployment request) {
    var now = clock.instant();
    deployments.open(new DeploymentRecord(
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
  }

  @Override
  public void log(LogStep request) {
    log.append(request.deploymentId(), request.step(), request.line());
  }

  @Override
  public void enterPhase(EnterPhase request) {
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
    deployments.finish(request.deploymentId(), DeploymentStatus.SUCCESSFUL, request.message(), false);
    log.append(request.deploymentId(), "finish", request.message());
  }

  @Override
  public void fail(Failed request) {
    deployments.finish(request.deploymentId(), DeploymentStatus.FAILED, request.message(), request.rolledBack());
    log.append(request.deploymentId(), "finish", request.message());
  }
}
