package io.mooring.api.harmony;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Harmony's request bodies as the OpenAPI document describes them. The controllers read bodies
 * as JSON trees, to check them in Harmony's order with Harmony's sentences; these say the same
 * rules to clients and to contract tools.
 */
final class RequestBodies {
  private RequestBodies() {}

  @Schema(name = "TagUpdate", description = "The tag to deploy", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record TagUpdateBody(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$",
          example = "1.4.0", description = "The image tag to deploy (Docker's tag rule)")
      String tag,
      @JsonProperty("regression_test_version")
      @Schema(pattern = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", defaultValue = "latest", example = "2.0.1", nullable = true,
          description = "The tag of the service's regression test image")
      String regressionTestVersion) {}

  @Schema(name = "DeploymentsState", description = "Enable or disable deployments",
      additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record StateBody(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled,
      @Schema(maxLength = 4096, nullable = true, description = "Why; by default who turned the switch") String message) {}
}
