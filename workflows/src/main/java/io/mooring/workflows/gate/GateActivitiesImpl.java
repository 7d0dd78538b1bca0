package io.mooring.workflows.gate;

import io.mooring.activities.TaskQueues;
import io.mooring.workflows.gate.GateMessages.Acquire;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Hold;
import io.mooring.workflows.gate.GateMessages.Leave;
import io.mooring.workflows.gate.GateMessages.Release;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class GateActivitiesImpl implements GateActivities {

  private final GateClient gate;

  public GateActivitiesImpl(GateClient gate) {
    this.gate = gate;
  }

  @Override
  public GateState inspect() {
    return gate.state();
  }

  @Override
  public Decision acquire(Acquire request) {
    return gate.acquire(request);
  }

  @Override
  public GateState release(Release request) {
    return gate.release(request);
  }

  @Override
  public GateState hold(Hold request) {
    return gate.hold(request);
  }

  @Override
  public GateState leave(Leave request) {
    return gate.leave(request);
  }
}
