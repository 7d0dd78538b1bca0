package io.mooring.activities.runtime;

import java.util.List;

/**
 * How a runtime will roll a service over: the replicas that run now and the ones that will replace
 * them, and the steps that get there, put things back, and clear up after a success. (Plans
 * recorded before the runtime planned the steps carry only the replicas: their workflows derive
 * the steps themselves.)
 *
 * @param current the replicas that run now, pair by pair with {@code next}
 * @param next the replicas that will replace them
 * @param rollout the steps from {@code current} to {@code next}
 * @param restore the steps that put {@code current} back, from wherever the rollout stopped
 * @param cleanUp the steps that clear {@code current} away once {@code next} is recorded
 */
public record RolloutPlan(
    List<Replica> current,
    List<Replica> next,
    List<RolloutStep> rollout,
    List<RolloutStep> restore,
    List<RolloutStep> cleanUp) {

  public RolloutPlan {
    rollout = rollout == null ? List.of() : List.copyOf(rollout);
    restore = restore == null ? List.of() : List.copyOf(restore);
    cleanUp = cleanUp == null ? List.of() : List.copyOf(cleanUp);
  }
}
