package io.mooring.activities.runtime;

import io.mooring.activities.services.ServiceDefinition;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a runtime that places and keeps a service's instances itself (Docker Swarm) carries out a
 * lifecycle action: it is told the whole service once, in one step, and watched until the
 * service's instances run as told.
 */
public final class WholeService {
  private WholeService() {}

  /**
   * The plan for what the action wants.
   *
   * @param had the service's instances now
   * @throws IllegalArgumentException for a change of one instance, which such a runtime makes itself
   */
  public static ChangePlan plan(ServiceDefinition service, List<Replica> had, ChangeWanted wanted) {
    return switch (wanted) {
      case RUN_TARGET, SCALE_TO_TARGET -> new ChangePlan(had, List.of(List.of(converge(service))));
      case RUN_ONE, REPLACE_ONE -> throw new IllegalArgumentException(service.name() + " runs on "
          + service.runtime().spelling() + ", which starts and replaces its containers itself");
    };
  }

  /** The service's slots, which the runtime fills with instances of its own naming. */
  private static RolloutStep converge(ServiceDefinition service) {
    List<Replica> slots = IntStream.rangeClosed(1, service.replicas())
        .mapToObj(slot -> new Replica(service.name() + "." + slot, slot, 0, false))
        .toList();
    return new RolloutStep(StepAction.CONVERGE, 0, "Stating " + service.name() + " with " + service.replicas()
        + " replica(s)", "Waiting for " + service.replicas() + " replica(s) of " + service.name() + " to run",
        slots, List.of());
  }
}
