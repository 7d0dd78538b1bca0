package io.mooring.activities.runtime;

import java.util.List;

/** The replicas that run now and the ones that will replace them, pair by pair. */
public record RolloutPlan(List<Replica> current, List<Replica> next) {}
