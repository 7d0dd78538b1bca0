package io.mooring.api.tutum;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Tutum's Service object, every attribute of seed 002's table, plus Mooring's own: the health path,
 * the regression image, the name of the registry credentials (never their secret) and the digest.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceObject(
    String uuid,
    String resourceUri,
    String imageName,
    String imageTag,
    String imageDigest,
    String name,
    String uniqueName,
    String state,
    String deployedDatetime,
    String startedDatetime,
    String stoppedDatetime,
    String destroyedDatetime,
    int targetNumContainers,
    int currentNumContainers,
    int runningNumContainers,
    int stoppedNumContainers,
    List<String> containers,
    List<Port> containerPorts,
    List<EnvVar> containerEnvvars,
    String entrypoint,
    String runCommand,
    boolean sequentialDeployment,
    Integer cpuShares,
    Integer memory,
    List<Link> linkedFromService,
    List<Link> linkedToService,
    String autorestart,
    String autoreplace,
    String autodestroy,
    List<String> roles,
    List<String> actions,
    Map<String, String> linkVariables,
    boolean privileged,
    List<Tag> tags,
    String healthPath,
    String regressionImage,
    String credentials) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Port(int innerPort, Integer outerPort, String portName, String protocol, boolean published) {}

  record EnvVar(String key, String value) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Link(String name, String fromService, String toService) {}

  record Tag(String name) {}
}
