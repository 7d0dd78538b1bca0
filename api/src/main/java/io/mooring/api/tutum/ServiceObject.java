package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Tutum's Service object, every attribute of seed 002's table, plus Mooring's own: the health path,
 * the regression image, the name of the registry credentials (never their secret) and the digest.
 */
record ServiceObject(
    String uuid,
    @JsonProperty("resource_uri") String resourceUri,
    @JsonProperty("image_name") String imageName,
    @JsonProperty("image_tag") String imageTag,
    @Schema(nullable = true) @JsonProperty("image_digest") String imageDigest,
    String name,
    @JsonProperty("unique_name") String uniqueName,
    String state,
    @Schema(nullable = true) @JsonProperty("deployed_datetime") String deployedDatetime,
    @Schema(nullable = true) @JsonProperty("started_datetime") String startedDatetime,
    @Schema(nullable = true) @JsonProperty("stopped_datetime") String stoppedDatetime,
    @Schema(nullable = true) @JsonProperty("destroyed_datetime") String destroyedDatetime,
    @JsonProperty("target_num_containers") int targetNumContainers,
    @JsonProperty("current_num_containers") int currentNumContainers,
    @JsonProperty("running_num_containers") int runningNumContainers,
    @JsonProperty("stopped_num_containers") int stoppedNumContainers,
    List<String> containers,
    @JsonProperty("container_ports") List<Port> containerPorts,
    @JsonProperty("container_envvars") List<EnvVar> containerEnvvars,
    String entrypoint,
    @JsonProperty("run_command") String runCommand,
    @JsonProperty("sequential_deployment") boolean sequentialDeployment,
    @Schema(nullable = true) @JsonProperty("cpu_shares") Integer cpuShares,
    @Schema(nullable = true) Integer memory,
    @JsonProperty("linked_from_service") List<Link> linkedFromService,
    @JsonProperty("linked_to_service") List<Link> linkedToService,
    String autorestart,
    String autoreplace,
    String autodestroy,
    List<String> roles,
    List<String> actions,
    @JsonProperty("link_variables") Map<String, String> linkVariables,
    boolean privileged,
    List<Tag> tags,
    @Schema(nullable = true) @JsonProperty("health_path") String healthPath,
    @Schema(nullable = true) @JsonProperty("regression_image") String regressionImage,
    @Schema(nullable = true) String credentials) {

  record Port(
      @JsonProperty("inner_port") int innerPort,
      @Schema(nullable = true, description = "null: each container is published on a free port")
      @JsonProperty("outer_port") Integer outerPort,
      @JsonProperty("port_name") String portName,
      String protocol,
      boolean published) {}

  record EnvVar(String key, String value) {}

  record Link(String name, @JsonProperty("from_service") String fromService, @JsonProperty("to_service") String toService) {}

  record Tag(String name) {}
}
