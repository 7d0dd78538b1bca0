package io.mooring.activities.services;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.actions.OperationLog;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class ServiceRecordActivitiesImpl implements ServiceRecordActivities {

  private final ServiceStore services;
  private final ActionStore actions;
  private final OperationLog log;
  private final ServiceApiAccess apiAccess;

  public ServiceRecordActivitiesImpl(ServiceStore services, ActionStore actions, OperationLog log,
      ServiceApiAccess apiAccess) {
    this.services = services;
    this.apiAccess = apiAccess;
    this.actions = actions;
    this.log = log;
  }

  @Override
  public ServiceDefinition definition(LoadService request) {
    return services.record(request.uuid()).map(ServiceRecord::definition).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("Service " + request.uuid() + " does not exist", "UnknownService"));
  }

  @Override
  public void openAction(OpenAction request) {
    actions.open(request.action());
  }

  @Override
  public void enterAction(EnterAction request) {
    actions.enter(request.actionId(), request.state());
  }

  @Override
  public void log(LogAction request) {
    log.append(request.actionId(), request.step(), request.line());
  }

  @Override
  public void recordState(RecordState request) {
    if (request.state() == ServiceState.TERMINATED) {
      // Before the state is written: a retry after a failure here revokes again, never skips it.
      apiAccess.revoke(request.service());
    }
    services.recordState(request.service(), request.state(), request.started());
  }

  @Override
  public void recordReplicas(RecordReplicas request) {
    services.recordReplicas(request.service(), request.target());
  }

  @Override
  public void recordVersion(RecordVersion request) {
    services.recordVersion(request.service(), request.tag(), request.digest());
  }
}
