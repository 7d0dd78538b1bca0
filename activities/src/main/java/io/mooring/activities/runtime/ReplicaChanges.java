package io.mooring.activities.runtime;

import io.mooring.activities.services.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The single engine's lifecycle changes: extra replicas removed first, then the image, then the
 * replicas to start, side by side unless the service starts them one after another. A pure function
 * of what the service has, so a retried plan is the same; new replicas are named and numbered by
 * {@link NewReplicas}.
 */
public final class ReplicaChanges {
  private ReplicaChanges() {}

  public static ChangePlan plan(ServiceDefinition service, UUID operationId, List<Replica> had, ChangeWanted wanted,
      String replica) {
    int target = service.replicas();
    List<List<RolloutStep>> stages = new ArrayList<>();
    switch (wanted) {
      case RUN_TARGET -> {
        List<Replica> keep = had.subList(0, Math.min(had.size(), target));
        stages.addAll(removal(had.subList(keep.size(), had.size())));
        List<Replica> toStart = new ArrayList<>(keep.stream().filter(r -> !r.running()).toList());
        if (target > keep.size()) {
          toStart.addAll(NewReplicas.after(service, operationId, had, target - keep.size()));
        }
        stages.addAll(starting(service, toStart));
      }
      case SCALE_TO_TARGET -> {
        if (had.size() < target) {
          stages.addAll(starting(service, NewReplicas.after(service, operationId, had, target - had.size())));
        } else {
          stages.addAll(removal(had.subList(target, had.size())));
        }
      }
      case RUN_ONE -> named(had, replica).ifPresent(one -> stages.addAll(starting(service, List.of(one))));
      case REPLACE_ONE -> named(had, replica).filter(one -> !one.running()).ifPresent(stopped -> {
        List<Replica> others = had.stream().filter(r -> !r.equals(stopped)).toList();
        stages.addAll(removal(List.of(stopped)));
        stages.addAll(starting(service, NewReplicas.of(service, operationId, others, stopped.index(), 1)));
      });
    }
    return new ChangePlan(had, stages);
  }

  private static Optional<Replica> named(List<Replica> had, String container) {
    return had.stream().filter(r -> r.container().equals(container)).findFirst();
  }

  private static List<List<RolloutStep>> removal(List<Replica> replicas) {
    if (replicas.isEmpty()) {
      return List.of();
    }
    String says = "Removing " + replicas.size() + " replica(s)";
    return List.of(List.of(new RolloutStep(StepAction.REMOVE, 0, says, says, List.of(), replicas)));
  }

  private static List<List<RolloutStep>> starting(ServiceDefinition service, List<Replica> replicas) {
    if (replicas.isEmpty()) {
      return List.of();
    }
    List<List<RolloutStep>> stages = new ArrayList<>();
    stages.add(List.of(new RolloutStep(StepAction.PULL, 0, "Looking for the image", "Pulling the image", List.of(),
        List.of())));
    List<RolloutStep> starts = replicas.stream().map(r -> new RolloutStep(StepAction.START, r.index(),
        "Starting replica " + r.index(), "Waiting for replica " + r.index() + " to become healthy", List.of(r),
        List.of())).toList();
    if (service.container().sequential()) {
      starts.forEach(start -> stages.add(List.of(start)));
    } else {
      stages.add(starts);
    }
    return stages;
  }
}
