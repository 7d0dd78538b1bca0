package io.mooring.api.common.security;

import java.time.Instant;

/** A named token a CI pipeline deploys with; its name becomes the deployment's username. */
public record PipelineToken(String name, Role role, String createdBy, Instant createdAt, Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
