package io.mooring.activities.deployments;

import java.time.Instant;
import java.util.UUID;

/**
 * One deployment as history keeps it.
 *
 * @param phase where a running deployment is (queued, validating, rolling-out, testing, rolling-back,
 *     finished); Harmony has only the status, Mooring says more
 * @param previousTag the tag that ran before, which a rollback returns to
 * @param callerKind what kind of identity {@code username} is: {@code person} or {@code pipeline}
 */
public record DeploymentRecord(
    UUID id,
    String username,
    String service,
    String tag,
    String regressionTestVersion,
    DeploymentStatus status,
    String phase,
    String message,
    String digest,
    String previousTag,
    boolean rolledBack,
    Instant createdAt,
    Instant updatedAt,
    String callerKind) {}
