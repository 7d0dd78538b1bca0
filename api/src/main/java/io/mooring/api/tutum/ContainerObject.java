package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Tutum's Container object: one real container of a service, as the engine reports it now. */
record ContainerObject(
    String uuid,
    @JsonProperty("resource_uri") String resourceUri,
    @Schema(description = "The service's unique name and the container's number, e.g. web-1") String name,
    @JsonProperty("unique_name") @Schema(description = "The engine's name for it, as docker ps shows it")
    String uniqueName,
    @Schema(allowableValues = {"Starting", "Running", "Stopped", "Terminating"}) String state,
    @JsonProperty("engine_state") @Schema(description = "Mooring's own: the engine's word (running, exited, …)")
    String engineState,
    @JsonProperty("image_name") String imageName,
    @Schema(nullable = true, description = "Once it has stopped") @JsonProperty("exit_code") Integer exitCode,
    @Schema(nullable = true) @JsonProperty("exit_code_msg") String exitCodeMsg,
    @Schema(nullable = true) @JsonProperty("deployed_datetime") String deployedDatetime,
    @Schema(nullable = true) @JsonProperty("started_datetime") String startedDatetime,
    @JsonProperty("container_ports") List<Port> containerPorts,
    @Schema(description = "The service it belongs to") String service,
    @Schema(nullable = true, description = "Its address on the engine's bridge; null on the host network")
    @JsonProperty("private_ip") String privateIp,
    @Schema(description = "How often the engine restarted it by its restart policy") int restarts) {

  record Port(
      @JsonProperty("inner_port") int innerPort,
      @Schema(nullable = true, description = "null when the port is not published") @JsonProperty("outer_port")
      Integer outerPort,
      String protocol,
      boolean published) {}
}
