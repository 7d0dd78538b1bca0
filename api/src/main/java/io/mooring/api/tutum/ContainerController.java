package io.mooring.api.tutum;

import io.mooring.activities.runtime.ContainerOutput;
import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceStore;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.workflows.service.ActionAccepted;
import io.mooring.workflows.service.ServiceAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tutum's {@code /api/v1/container/} and the services' logs: the real containers as the engine
 * reports them, and what they write.
 */
@RestController
@Tag(name = "Tutum: containers")
class ContainerController {

  static final int DEFAULT_TAIL = 300;
  static final int MAX_TAIL = 10_000;

  private final ContainerObjects containers;
  private final ContainerRuntime engine;
  private final ContainerOutputStream stream;
  private final ServiceStore services;
  private final ActionIntake intake;

  ContainerController(ContainerObjects containers, ContainerRuntime engine, ContainerOutputStream stream,
      ServiceStore services, ActionIntake intake) {
    this.intake = intake;
    this.containers = containers;
    this.engine = engine;
    this.stream = stream;
    this.services = services;
  }

  @Operation(summary = "Containers, by service and number, in Tutum's envelope; filters state, name, unique_name, service")
  @ProblemResponses(value = 503, forbidden = false)
  @GetMapping(path = {"/api/v1/container", "/api/v1/container/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  TutumPage<ContainerObject> list(
      @Parameter(schema = @Schema(allowableValues = {"Starting", "Running", "Stopped", "Terminating"}))
      @RequestParam(required = false) String state,
      @Parameter(description = "Its service's unique name and its number, e.g. web-1")
      @RequestParam(required = false) String name,
      @Parameter(description = "The engine's name for it")
      @RequestParam(name = "unique_name", required = false) String uniqueName,
      @Parameter(description = "Its service: the resource URI or the uuid") @RequestParam(required = false) String service,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + TutumPage.MAX_LIMIT))
      @RequestParam(defaultValue = "" + TutumPage.DEFAULT_LIMIT) int limit,
      @Parameter(schema = @Schema(minimum = "0")) @RequestParam(defaultValue = "0") int offset) {
    TutumPage.checkBounds(limit, offset);
    if (state != null && !List.of("Starting", "Running", "Stopped", "Terminating").contains(state)) {
      throw ApiProblem.badRequest("invalid-state", "state must be one of Starting, Running, Stopped, Terminating");
    }
    UUID serviceUuid = service == null ? null : TutumUris.serviceUuid(service);
    List<ContainerObjects.Found> matching = containers.all().stream()
        .filter(f -> state == null || ContainerObjects.stateOf(f.container()).equals(state))
        .filter(f -> name == null || f.name().equals(name))
        .filter(f -> uniqueName == null || f.container().name().equals(uniqueName))
        .filter(f -> serviceUuid == null || f.service().uuid().equals(serviceUuid))
        .toList();
    return TutumPage.of(matching.stream().skip(offset).limit(limit).map(containers::toObject).toList(),
        matching.size(), limit, offset, ServiceObjects.CONTAINERS,
        TutumPage.filters("state", state, "name", name, "unique_name", uniqueName, "service", service));
  }

  @Operation(summary = "A container")
  @ProblemResponses(value = {404, 503}, forbidden = false)
  @GetMapping(path = {"/api/v1/container/{uuid}", "/api/v1/container/{uuid}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ContainerObject get(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid) {
    return containers.toObject(existing(uuid));
  }

  @Operation(summary = "What a container wrote: its last lines as one text, as Tutum answered")
  @ProblemResponses({404, 503})
  @GetMapping(path = {"/api/v1/container/{uuid}/logs", "/api/v1/container/{uuid}/logs/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  LogsText containerLogs(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_TAIL)) @RequestParam(defaultValue = "" + DEFAULT_TAIL) int tail) {
    checkTail(tail);
    ContainerObjects.Found found = existing(uuid);
    return new LogsText(engine.output(found.container().name(), tail).stream().map(ContainerOutput::line)
        .collect(Collectors.joining("\n")));
  }

  @ApiResponse(responseCode = "200", description = "'line' events as the container writes", content = @Content(
      mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = OutputLine.class)))
  @ProblemResponses({404, 503})
  @GetMapping(path = {"/api/v1/container/{uuid}/logs", "/api/v1/container/{uuid}/logs/"},
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter followContainer(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_TAIL)) @RequestParam(defaultValue = "" + DEFAULT_TAIL) int tail) {
    checkTail(tail);
    return stream.follow(List.of(existing(uuid)), tail);
  }

  @Operation(summary = "What all of a service's containers wrote, oldest first, each line marked with its container",
      description = "The last `tail` lines of each container, merged by the engine's timestamps")
  @ProblemResponses({404, 503})
  @GetMapping(path = {"/api/v1/service/{uuid}/logs", "/api/v1/service/{uuid}/logs/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  List<OutputLine> serviceLogs(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_TAIL)) @RequestParam(defaultValue = "" + DEFAULT_TAIL) int tail) {
    checkTail(tail);
    return containers.of(service(uuid)).stream()
        .flatMap(f -> engine.output(f.container().name(), tail).stream().map(o -> OutputLine.of(f.name(), o)))
        .sorted(Comparator.comparing(OutputLine::at, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  @ApiResponse(responseCode = "200", description = "'line' events as the containers write", content = @Content(
      mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = OutputLine.class)))
  @ProblemResponses({404, 503})
  @GetMapping(path = {"/api/v1/service/{uuid}/logs", "/api/v1/service/{uuid}/logs/"},
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter followService(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_TAIL)) @RequestParam(defaultValue = "" + DEFAULT_TAIL) int tail) {
    checkTail(tail);
    return stream.follow(containers.of(service(uuid)), tail);
  }

  private static void checkTail(int tail) {
    if (tail < 1 || tail > MAX_TAIL) {
      throw ApiProblem.badRequest("invalid-tail", "tail must be from 1 to " + MAX_TAIL);
    }
  }

  private ServiceRecord service(String uuid) {
    return TutumUris.parseUuid(uuid).flatMap(services::record)
        .orElseThrow(() -> ApiProblem.notFound("unknown-service", "There is no service " + uuid));
  }

  @Operation(summary = "Start a container of a running, partly running, stopped or not running service",
      description = "Taken in by the service's workflow in its turn; a stopped service then reads Partly running")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/container/{uuid}/start", "/api/v1/container/{uuid}/start/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ContainerObject> start(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      Principal principal, HttpServletRequest http) {
    return act(uuid, ServiceAction.CONTAINER_START, principal, http);
  }

  @Operation(summary = "Stop a container of a running service; the service reads Partly running")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @PostMapping(path = {"/api/v1/container/{uuid}/stop", "/api/v1/container/{uuid}/stop/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ContainerObject> stop(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      Principal principal, HttpServletRequest http) {
    return act(uuid, ServiceAction.CONTAINER_STOP, principal, http);
  }

  @Operation(summary = "Terminate a container: it is removed and its service's target_num_containers drops by one")
  @ApiResponse(responseCode = "202", description = "Taken in; X-Tutum-Action-URI names its action")
  @ProblemResponses({404, 409, 503})
  @DeleteMapping(path = {"/api/v1/container/{uuid}", "/api/v1/container/{uuid}/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ContainerObject> terminate(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      Principal principal, HttpServletRequest http) {
    return act(uuid, ServiceAction.CONTAINER_TERMINATE, principal, http);
  }

  private ResponseEntity<ContainerObject> act(String uuid, ServiceAction action, Principal principal,
      HttpServletRequest http) {
    ContainerObjects.Found found = existing(uuid);
    ActionAccepted accepted = intake.take(found.service(), action, null, found.container().name(), principal, http, null);
    return ActionIntake.accepted(accepted.actionId(), containers.toObject(found));
  }

  private ContainerObjects.Found existing(String uuid) {
    return containers.find(uuid).orElseThrow(() -> ApiProblem.notFound("unknown-container",
        "There is no container " + uuid + " (a terminated container is gone from the engine)"));
  }
}
