package io.mooring.api.tutum;

import io.mooring.activities.runtime.ContainerOutput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line a service's container wrote, marked with the container. */
record OutputLine(
    @Schema(description = "The container, e.g. web-1") String container,
    @Schema(nullable = true) Instant at,
    String line) {

  static OutputLine of(String container, ContainerOutput output) {
    return new OutputLine(container, output.at() == null ? null : output.at().truncatedTo(ChronoUnit.MICROS),
        output.line());
  }
}
