package io.mooring.workflows.deployment;

import java.time.Instant;

/**
 * Where a running deployment is, as its Query answers.
 *
 * @param phase validating, queued, rolling-out, testing, finishing, rolling-back or finished
 * @param step what it is doing now, in words
 * @param replica the replica being rolled (1-based), 0 outside the rollout
 */
public record DeploymentProgress(
    String phase, String step, int replica, int replicas, Instant startedAt, Instant updatedAt) {}
