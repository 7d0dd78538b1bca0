package io.mooring.activities.services;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service as stored: how it runs ({@link ServiceDefinition}), where it came from, the lifecycle
 * state its workflow last entered, its labels and the dates of its last operations.
 *
 * @param displayName the name its creator gave it (Tutum's {@code name})
 * @param fromFile declared by the services file rather than created through the API
 */
public record ServiceRecord(
    UUID uuid,
    String displayName,
    boolean fromFile,
    ServiceState state,
    ServiceDefinition definition,
    List<String> tags,
    Instant createdAt,
    Instant deployedAt,
    Instant startedAt,
    Instant stoppedAt,
    Instant destroyedAt) {

  public ServiceRecord {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String uniqueName() {
    return definition.name();
  }
}
