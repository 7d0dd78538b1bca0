package io.mooring.activities.deployments;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of history, newest first.
 *
 * @param service only this service's deployments, or all when null
 * @param status only deployments with this status, or all when null
 * @param after the position to continue after (exclusive), or null for the newest
 */
public record DeploymentQuery(String service, DeploymentStatus status, int limit, Position after) {

  /** Where a page ended: history is ordered by creation time, then id. */
  public record Position(Instant createdAt, UUID id) {}
}
