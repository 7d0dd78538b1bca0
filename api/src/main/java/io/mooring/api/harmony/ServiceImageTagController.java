package io.mooring.api.harmony;

import io.mooring.activities.store.ServiceDefinition;
import io.mooring.activities.store.ServiceStore;
import io.mooring.api.errors.ApiProblem;
import io.mooring.workflows.deployment.DeploymentRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Harmony's {@code /service-image-tag}: which tag each service runs, and deploying a new one. */
@RestController
class ServiceImageTagController {

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ServiceStore services;
  private final Deployer deployer;

  ServiceImageTagController(ServiceStore services, Deployer deployer) {
    this.services = services;
    this.deployer = deployer;
  }

  @GetMapping(path = "/service-image-tag", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> tags() {
    return services.findAll().stream().collect(Collectors.toMap(
        ServiceDefinition::name, ServiceDefinition::tag, (a, b) -> a, LinkedHashMap::new));
  }

  @GetMapping(path = "/service-image-tag/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
  TagView tag(@PathVariable String service) {
    return new TagView(existing(service).tag());
  }

  /**
   * Validates in Harmony's order (tag present, only known keys, service exists, tag syntax), then
   * leaves the checks that need the world (gate enabled, image reachable, lock) to the workflow.
   */
  @PutMapping(path = "/service-image-tag/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  DeploymentAccepted deploy(
      @PathVariable String service,
      @RequestBody(required = false) JsonNode body,
      @RequestParam(defaultValue = "false") boolean queue,
      Principal principal) {
    TagUpdate update = TagUpdate.read(body);
    ServiceDefinition definition = existing(service);
    String tag = update.validTag();
    String regressionTestVersion = update.validRegressionTestVersion();
    UUID id = UUID.randomUUID();
    deployer.start(new DeploymentRequest(id, Caller.nameOf(principal), definition, tag, regressionTestVersion,
        Links.status(id), Links.logs(id), queue));
    return new DeploymentAccepted(tag, Links.status(id));
  }

  private ServiceDefinition existing(String service) {
    return services.find(service).orElseThrow(() -> ApiProblem.notFound("unknown-service",
        "Service " + service + " does not exist.\nThe existing services and their images are\n" + imageMap()));
  }

  private String imageMap() {
    Map<String, String> images = new LinkedHashMap<>();
    services.findAll().forEach(s -> images.put(s.name(), s.repository() + ":" + s.tag()));
    return PRETTY.writeValueAsString(images);
  }

  record TagView(String tag) {}

  record DeploymentAccepted(String tag, String statusLink) {}
}
