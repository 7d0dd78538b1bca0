package io.mooring.api.harmony;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.workflows.deployment.DeploymentProgress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A deployment as Harmony shows it, plus what Mooring knows beyond Harmony: the digest, the tag it
 * replaced, whether it was rolled back, its phase, its place in line, live progress, and whether
 * {@code username} is a person or a pipeline token ({@code callerKind}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeploymentView(
    UUID deploymentId,
    String username,
    String service,
    String tag,
    String regressionTestVersion,
    String status,
    String message,
    Instant createdAt,
    Instant updatedAt,
    String phase,
    Integer placeInLine,
    String digest,
    String previousTag,
    boolean rolledBack,
    DeploymentProgress progress,
    String callerKind) {

  static DeploymentView of(DeploymentRecord record) {
    return of(record, null, null);
  }

  static DeploymentView of(DeploymentRecord record, DeploymentProgress progress, Integer placeInLine) {
    return new DeploymentView(
        record.id(),
        record.username(),
        record.service(),
        record.tag(),
        record.regressionTestVersion(),
        record.status().label(),
        record.message(),
        record.createdAt().truncatedTo(ChronoUnit.MILLIS),
        record.updatedAt().truncatedTo(ChronoUnit.MILLIS),
        record.phase(),
        placeInLine,
        record.digest(),
        record.previousTag(),
        record.rolledBack(),
        progress,
        record.callerKind());
  }
}
