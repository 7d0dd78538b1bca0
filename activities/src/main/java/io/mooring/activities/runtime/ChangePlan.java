package io.mooring.activities.runtime;

import java.util.List;

/**
 * How a runtime will carry out a lifecycle action on a service's replicas.
 *
 * @param had the replicas the service had when the change was planned, running or not
 * @param stages the steps, stage after stage; the steps of one stage go side by side
 */
public record ChangePlan(List<Replica> had, List<List<RolloutStep>> stages) {

  public ChangePlan {
    had = List.copyOf(had);
    stages = stages.stream().map(List::copyOf).toList();
  }

  /** The replicas the change brings up, in the order of its steps. */
  public List<Replica> brought() {
    return stages.stream().flatMap(List::stream).flatMap(step -> step.brings().stream()).toList();
  }
}
