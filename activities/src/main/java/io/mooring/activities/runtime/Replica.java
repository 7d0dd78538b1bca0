package io.mooring.activities.runtime;

/**
 * One replica of a service: its container's name, its position (1-based) and the host port it
 * listens on. {@code running} says whether it was running when the rollout was planned, so a
 * rollback restarts exactly what ran before.
 */
public record Replica(String container, int index, int port, boolean running) {}
