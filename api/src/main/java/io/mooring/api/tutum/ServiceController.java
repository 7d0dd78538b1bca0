package io.mooring.api.tutum;

import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.ImageUnreachableException;
import io.mooring.activities.registry.RegistryClient;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.registry.RegistryUnavailableException;
import io.mooring.activities.runtime.RuntimeSettings;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceLink;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceState;
import io.mooring.activities.services.ServiceStore;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.api.common.security.Role;
import io.mooring.workflows.service.ActionAccepted;
import io.mooring.workflows.service.LifecycleSentences;
import io.mooring.workflows.service.ServiceAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Tutum's {@code /api/v1/service/}: services created, listed, read, changed and acted on. */
@RestController
@Tag(name = "Tutum: services")
class ServiceController {

  private final ServiceStore services;
  private final ActionStore actions;
  private final RuntimeSettings runtime;
  private final ServiceObjects objects;
  private final ActionIntake intake;
  private final RegistryClient registry;
  private final RegistrySettings registries;

  ServiceController(ServiceStore services, ServiceObjects objects, ActionIntake intake, RegistryClient registry,
      RegistrySettings registries, ActionStore actions, RuntimeSettings runtime) {
    this.runtime = runtime;
    this.actions = actions;
    this.services = services;
    this.objects = objects;
    this.intake = intake;
    this.registry = registry;
    this.registries = registries;
  }

  @Operation(summary = "Services, oldest first, in Tutum's envelope; filters state, name and unique_name")
  @ProblemResponses(forbidden = false)
  @GetMapping(path = {"/api/v1/service", "/api/v1/service/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  TutumPage<ServiceObject> list(
      @Parameter(schema = @Schema(allowableValues = {"Init", "Starting", "Running", "Partly running", "Scaling",
          "Redeploying", "Stopping", "Stopped", "Terminating", "Terminated", "Not running"}))
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String name,
      @RequestParam(name = "unique_name", required = false) String uniqueName,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + TutumPage.MAX_LIMIT)) @RequestParam(defaultValue = "" + TutumPage.DEFAULT_LIMIT) int limit,
      @Parameter(schema = @Schema(minimum = "0")) @RequestParam(defaultValue = "0") int offset) {
    TutumPage.checkBounds(limit, offset);
    Optional<ServiceState> wanted = Optional.empty();
    if (state != null) {
      wanted = ServiceState.parse(state);
      if (wanted.isEmpty()) {
        throw ApiProblem.badRequest("invalid-state", "state must be one of Init, Starting, Running, Partly running,"
            + " Scaling, Redeploying, Stopping, Stopped, Terminating, Terminated, Not running");
      }
    }
    Optional<ServiceState> filter = wanted;
    List<ServiceObjects.Observed> matching = objects.observe(services.records(name, uniqueName)).stream()
        .filter(o -> filter.isEmpty() || o.state() == filter.get())
        .toList();
    List<ServiceObject> page = matching.stream().skip(offset).limit(limit).map(objects::toObject).toList();
    return TutumPage.of(page, matching.size(), limit, offset, ServiceObjects.SERVICES,
        TutumPage.filters("state", state, "name", name, "unique_name", uniqueName));
  }

  @Operation(summary = "Create a service in Init; nothing runs until it is started")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TutumBodies.Create.class)))
  @ApiResponse(responseCode = "201", description = "Created; the body is the service")
  @ProblemResponses({409, 503})
  @PostMapping(path = {"/api/v1/service", "/api/v1/service/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> create(@RequestBody(required = false) JsonNode body, Authentication caller) {
    NewService service = NewService.read(body, registries);
    if (service.definition().container().privileged() && !Role.ADMIN.heldBy(caller)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "privileged-needs-admin",
          "Only an admin may create a privileged service: its containers can reach every device of the host");
    }
    refuseTakenPorts(service);
    // Created on the runtime new services get now, which it keeps whatever that setting later says.
    ServiceDefinition definition = service.definition().withContainer(
        service.definition().container().withLinks(resolve(service.links()))).withRuntime(runtime.mode());
    ImageReference image = ImageReference.of(service.definition().repository(), service.definition().tag());
    try {
      registry.resolveDigest(image, registries.named(null));
    } catch (ImageUnreachableException e) {
      throw ApiProblem.badRequest("image-unreachable", "The registry does not have " + image + ": " + e.getMessage());
    } catch (RegistryUnavailableException e) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", e.getMessage());
    }
    ServiceRecord created = services.create(UUID.randomUUID(), service.displayName(), service.baseName(),
        definition, service.tags());
    ServiceObject object = objects.toObject(objects.observe(created));
    return ResponseEntity.created(URI.create(object.resourceUri())).body(object);
  }

  /** Each link's service, which must exist; a link is named after its service unless it has a name. */
  private List<ServiceLink> resolve(List<NewService.LinkAsked> asked) {
    List<ServiceLink> links = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (NewService.LinkAsked link : asked) {
      ServiceRecord target = services.record(link.toService()).orElseThrow(() -> ApiProblem.badRequest(
          "invalid-linked-to-service", "linked_to_service names " + ServiceObjects.SERVICES + link.toService()
              + "/, which does not exist"));
      String name = link.name() != null ? link.name() : target.uniqueName();
      if (!names.add(name.toUpperCase(Locale.ROOT))) {
        throw ApiProblem.badRequest("invalid-linked-to-service", "two links are named " + name
            + ": name one of them");
      }
      links.add(new ServiceLink(name, target.uniqueName()));
    }
    return links;
  }

  private void refuseTakenPorts(NewService service) {
    var taken = services.publishedOuterPorts();
    service.definition().container().ports().stream().filter(p -> p.outer() != null).forEach(port -> {
      String holder = taken.get(port.outer());
      if (holder != null) {
        throw new ApiProblem(HttpStatus.CONFLICT, "port-conflict", "Port " + port.outer()
            + " is already published by service " + holder);
      }
    });
  }

  @Operation(summary = "A service")
  @ProblemResponses(value = {404, 503}, forbidden = false)
  @GetMapping(path = {"/api/v1/service/{uuid}", "/api/v1/service/{uuid}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ServiceObject get(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid) {
    return objects.toObject(objects.observe(existing(uuid)));
  }

  @Operation(summary = "Change a service: target_num_containers scales it, tags replaces its labels")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TutumBodies.Update.class)))
  @ApiResponse(responseCode = "200", description = "Changed; the body is the service")
  @ApiResponse(responseCode = "202", description = "A scale was taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PatchMapping(path = {"/api/v1/service/{uuid}", "/api/v1/service/{uuid}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> update(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid, @RequestBody(required = false) JsonNode body,
      Principal principal, HttpServletRequest http) {
    ServiceRecord record = existing(uuid);
    if (body == null || !body.isObject()) {
      throw ApiProblem.badRequest("invalid-body", "the body must be a JSON object with target_num_containers or tags");
    }
    BodyParameters.onlyAllowed(body, List.of("target_num_containers", "tags"));
    List<String> tags = body.has("tags") ? NewService.tags(body.get("tags")) : null;
    Integer target = null;
    if (body.has("target_num_containers")) {
      JsonNode node = body.get("target_num_containers");
      if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > NewService.MAX_CONTAINERS) {
        throw ApiProblem.badRequest("invalid-target-num-containers",
            "target_num_containers must be a whole number from 0 to " + NewService.MAX_CONTAINERS);
      }
      target = node.asInt();
    }
    if (record.state() == ServiceState.TERMINATED) {
      throw refused(LifecycleSentences.terminated(record.uniqueName()));
    }
    if (tags != null) {
      services.replaceTags(record.uniqueName(), tags);
    }
    if (target != null && target != record.definition().replicas()) {
      if (record.state() == ServiceState.INIT || record.state() == ServiceState.STOPPED) {
        // Nothing runs: the number is what the next start creates.
        services.recordReplicas(record.uniqueName(), target);
      } else {
        ActionAccepted accepted = act(record, ServiceAction.SCALE, target, principal, http, body.toString());
        return accepted(accepted, record.uuid());
      }
    }
    return ResponseEntity.ok(objects.toObject(objects.observe(existing(uuid))));
  }

  @Operation(summary = "Start a service in Init or Stopped")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/service/{uuid}/start", "/api/v1/service/{uuid}/start/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> start(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid, Principal principal, HttpServletRequest http) {
    return action(uuid, ServiceAction.START, principal, http);
  }

  @Operation(summary = "Stop a running service; its containers are kept")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/service/{uuid}/stop", "/api/v1/service/{uuid}/stop/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> stop(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid, Principal principal, HttpServletRequest http) {
    return action(uuid, ServiceAction.STOP, principal, http);
  }

  @Operation(summary = "Bring a running service to its target_num_containers")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/service/{uuid}/scale", "/api/v1/service/{uuid}/scale/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> scale(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid, Principal principal, HttpServletRequest http) {
    ServiceRecord record = existing(uuid);
    // Tutum's SDK scales with a PATCH of the target and then scale/; the PATCH already set a
    // running service scaling, so scale/ answers with that action rather than a 409.
    if (record.state() == ServiceState.SCALING) {
      Optional<UUID> underWay = actions.underWay(record.uniqueName(), ServiceAction.SCALE.title());
      if (underWay.isPresent()) {
        return accepted(new ActionAccepted(underWay.get(), ServiceState.SCALING), record.uuid());
      }
    }
    return action(uuid, ServiceAction.SCALE, principal, http);
  }

  @Operation(summary = "Redeploy a running or stopped service: its tag's current digest, rolled out as a deployment is",
      description = "Waits in the deployment gate's line, rolls the containers over one by one and rolls back on failure;"
          + " the action's id is the deployment's, so /service-deployment/{id} follows it too")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/service/{uuid}/redeploy", "/api/v1/service/{uuid}/redeploy/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> redeploy(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      @Parameter(description = "Sent by Tutum's SDK; Mooring's containers have no volumes to keep")
      @RequestParam(name = "reuse_volumes", required = false) Boolean reuseVolumes,
      Principal principal, HttpServletRequest http) {
    return action(uuid, ServiceAction.REDEPLOY, principal, http);
  }

  @Operation(summary = "Terminate a service: its containers are removed, its record stays as Terminated")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @DeleteMapping(path = {"/api/v1/service/{uuid}", "/api/v1/service/{uuid}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ServiceObject> terminate(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid, Principal principal, HttpServletRequest http) {
    return action(uuid, ServiceAction.TERMINATE, principal, http);
  }

  private ResponseEntity<ServiceObject> action(String uuid, ServiceAction action, Principal principal,
      HttpServletRequest http) {
    ServiceRecord record = existing(uuid);
    if (record.state() == ServiceState.TERMINATED) {
      throw refused(LifecycleSentences.notAllowed(record.uniqueName(), ServiceState.TERMINATED, action));
    }
    return accepted(act(record, action, null, principal, http, null), record.uuid());
  }

  private ActionAccepted act(ServiceRecord record, ServiceAction action, Integer target, Principal principal,
      HttpServletRequest http, String body) {
    return intake.take(record, action, target, null, principal, http, body);
  }

  /** Tutum's SDK updates its object from the answer, so a 202 carries the service; the action is in the headers. */
  private ResponseEntity<ServiceObject> accepted(ActionAccepted accepted, UUID service) {
    return ActionIntake.accepted(accepted.actionId(),
        objects.toObject(objects.observeAfterAction(services.record(service).orElseThrow())));
  }

  private ServiceRecord existing(String uuid) {
    UUID id = TutumUris.parseUuid(uuid).orElseThrow(() -> ApiProblem.notFound("unknown-service",
        "There is no service " + uuid + ": a service is named by its uuid"));
    return services.record(id).orElseThrow(() ->
        ApiProblem.notFound("unknown-service", "There is no service " + uuid));
  }

  private static ApiProblem refused(String sentence) {
    return ActionIntake.refused(sentence);
  }
}
