package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Tutum's request bodies as the OpenAPI document describes them. The controller reads bodies as
 * JSON trees, to refuse each field with its own sentence; these say the same rules to clients and
 * to contract tools.
 */
final class TutumBodies {
  private TutumBodies() {}

  @Schema(name = "ServiceCreate", description = "A new service", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record Create(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "127.0.0.1:5000/demo/hello:1.0",
          pattern = "^([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9._-]+(/[a-z0-9._-]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$",
          description = "repository[:tag]; the tag is latest when left out, the registry the default one")
      String image,
      @Schema(nullable = true, pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,55}$",
          description = "By default the image's last path segment") String name,
      @JsonProperty("target_num_containers") @Schema(nullable = true, minimum = "0", maximum = "50", defaultValue = "1")
      Integer targetNumContainers,
      @JsonProperty("run_command") @Schema(nullable = true, minLength = 1, maxLength = 4096) String runCommand,
      @Schema(nullable = true, minLength = 1, maxLength = 4096) String entrypoint,
      @JsonProperty("container_ports") @Schema(nullable = true) List<PortBody> containerPorts,
      @JsonProperty("container_envvars") @Schema(nullable = true) List<EnvVarBody> containerEnvvars,
      @JsonProperty("linked_to_service") @Schema(nullable = true) List<LinkBody> linkedToService,
      @Schema(nullable = true, allowableValues = {"OFF", "ON_FAILURE", "ALWAYS"}) String autorestart,
      @Schema(nullable = true, allowableValues = {"OFF", "ON_FAILURE", "ALWAYS"},
          description = "Mooring replaces a container that stops") String autoreplace,
      @Schema(nullable = true, allowableValues = {"OFF", "ON_FAILURE", "ALWAYS"},
          description = "Mooring terminates a container that stops") String autodestroy,
      @JsonProperty("sequential_deployment") @Schema(nullable = true) Boolean sequentialDeployment,
      @ArraySchema(maxItems = 1, uniqueItems = true, schema = @Schema(allowableValues = "global"), arraySchema = @Schema(
          nullable = true, description = "[\"global\"]: the containers get a read-only token and the API's address"))
      List<String> roles,
      @Schema(nullable = true, description = "Admins only") Boolean privileged,
      @Schema(nullable = true, minimum = "4", maximum = "1048576", description = "Memory limit in MB") Integer memory,
      @JsonProperty("cpu_shares") @Schema(nullable = true, minimum = "2", maximum = "262144") Integer cpuShares,
      @ArraySchema(arraySchema = @Schema(nullable = true, description = "Labels"),
          schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")) List<String> tags) {}

  @Schema(name = "ServicePort", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record PortBody(
      @Schema(allowableValues = {"tcp", "udp"}, defaultValue = "tcp") String protocol,
      @JsonProperty("inner_port") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "65535")
      Integer innerPort,
      @JsonProperty("outer_port") @Schema(nullable = true, minimum = "1", maximum = "65535") Integer outerPort,
      @Schema(nullable = true) Boolean published,
      @JsonProperty("port_name") @Schema(nullable = true, description = "Ignored: Mooring names well-known ports")
      String portName) {}

  @Schema(name = "ServiceEnvVar", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record LinkBody(
      @JsonProperty("to_service") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
          description = "The linked service's resource URI or uuid",
          pattern = "^(/api/v1/service/)?[0-9a-fA-F-]{36}/?$") String toService,
      @Schema(nullable = true, pattern = "^[A-Za-z][A-Za-z0-9_-]{0,63}$",
          description = "The prefix of the link variables; the linked service's name when left out") String name,
      @JsonProperty("from_service") @Schema(nullable = true, description = "Ignored: it is the service created")
      String fromService) {}

  record EnvVarBody(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z_][A-Za-z0-9_]{0,255}$") String key,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 4096) String value) {}

  @Schema(name = "ServiceUpdate", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record Update(
      @JsonProperty("target_num_containers") @Schema(minimum = "0", maximum = "50") Integer targetNumContainers,
      @ArraySchema(schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")) List<String> tags) {}
}
