package io.mooring.api.harmony;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.watch.WatchPolicies;
import io.mooring.api.common.actions.ActionOrigins;
import io.mooring.api.common.deployments.Deployer;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.links.PublicLinks;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.api.common.security.Caller;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
@Tag(name = "Harmony: service image tags")
class ServiceImageTagController {

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ServiceStore services;
  private final Deployer deployer;
  private final PublicLinks links;
  private final WatchPolicies watchPolicies;

  ServiceImageTagController(ServiceStore services, Deployer deployer, PublicLinks links, WatchPolicies watchPolicies) {
    this.services = services;
    this.deployer = deployer;
    this.links = links;
    this.watchPolicies = watchPolicies;
  }

  @Operation(summary = "Every service and the tag it runs, sorted by name")
  @ProblemResponses(forbidden = false)
  @GetMapping(path = "/service-image-tag", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> tags() {
    return services.tags();
  }

  @Operation(summary = "The tag a service runs")
  @ProblemResponses(value = 404, forbidden = false)
  @GetMapping(path = "/service-image-tag/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
  TagView tag(@Parameter(schema = @Schema(pattern = "^[a-z0-9][a-z0-9-]{0,62}$")) @PathVariable String service) {
    return new TagView(existing(service).tag());
  }

  /**
   * Validates in Harmony's order (tag present, only known keys, service exists, tag syntax), then
   * leaves the checks that need the world (gate enabled, image reachable, lock) to the workflow.
   */
  @Operation(summary = "Deploy a tag", description = "Validated in Harmony's order; 202 once the image is found and"
      + " the deployment lock taken (or, with queue=true, the deployment waits in line); 409 when the service's state"
      + " allows no deployment (Stopped, Not running, Terminated, or in the middle of an action)")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestBodies.TagUpdateBody.class)))
  @ApiResponse(responseCode = "202", description = "Admitted; follow statusLink")
  @ProblemResponses({404, 409, 423})
  @PutMapping(path = "/service-image-tag/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  DeploymentAccepted deploy(
      @Parameter(schema = @Schema(pattern = "^[a-z0-9][a-z0-9-]{0,62}$")) @PathVariable String service,
      @RequestBody(required = false) JsonNode body,
      @RequestParam(defaultValue = "false") boolean queue,
      Principal principal, HttpServletRequest http) {
    TagUpdate update = TagUpdate.read(body);
    ServiceDefinition definition = existing(service);
    String tag = update.validTag();
    String regressionTestVersion = update.validRegressionTestVersion();
    UUID id = UUID.randomUUID();
    Caller caller = Caller.of(principal);
    // Before it starts, so its success cannot come first; set only once it succeeded.
    String pinsOnSuccess = watchPolicies.pinOnSuccess(definition.name(), definition.repository(), tag, id).orElse(null);
    try {
      deployer.start(DeploymentRequest.linked(id, caller.name(), definition, tag, regressionTestVersion, links, queue,
          caller.kind().label(), ActionOrigins.of(http, principal, body == null ? null : body.toString())));
    } catch (RuntimeException refused) {
      watchPolicies.forgetPin(id);
      throw refused;
    }
    return new DeploymentAccepted(tag, links.deploymentStatus(id), pinsOnSuccess);
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

  /**
   * @param pinsOnSuccess set when this deployment will pin the service to its tag once it succeeds:
   *     another version than the registry watcher would choose, which it would otherwise replace
   */
  record DeploymentAccepted(String tag, String statusLink,
      @JsonProperty("pins_on_success") @JsonInclude(JsonInclude.Include.NON_NULL) String pinsOnSuccess) {}
}
