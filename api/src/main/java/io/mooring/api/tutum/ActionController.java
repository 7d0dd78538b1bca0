package io.mooring.api.tutum;

import io.mooring.activities.actions.ActionEntry;
import io.mooring.activities.actions.ActionQuery;
import io.mooring.activities.actions.ActionState;
import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.actions.OperationLog;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.api.common.security.Caller;
import io.mooring.workflows.deployment.DeploymentClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tutum's {@code /api/v1/action/}: every operation on a service — lifecycle actions, Harmony
 * deployments, Mooring's own replacements — with its log, and the cancel of one still running.
 */
@RestController
@Tag(name = "Tutum: actions")
class ActionController {

  private final ActionStore actions;
  private final OperationLog log;
  private final DeploymentClient deployments;

  ActionController(ActionStore actions, OperationLog log, DeploymentClient deployments) {
    this.actions = actions;
    this.log = log;
    this.deployments = deployments;
  }

  @Operation(summary = "Actions, newest first, in Tutum's envelope; filters state, object and date ranges",
      description = "Dates are accepted as Tutum writes them (RFC 1123), as ISO 8601 date-times with an offset,"
          + " or as days (2026-11-24, from its first moment in UTC)")
  @ProblemResponses
  @GetMapping(path = {"/api/v1/action", "/api/v1/action/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  TutumPage<ActionObject> list(
      @Parameter(schema = @Schema(allowableValues = {"Pending", "In progress", "Canceling", "Canceled", "Success",
          "Failed"})) @RequestParam(required = false) String state,
      @Parameter(description = "The service acted on: its resource URI or its uuid")
      @RequestParam(required = false) String object,
      @RequestParam(name = "start_date__gte", required = false) String startedFrom,
      @RequestParam(name = "start_date__lte", required = false) String startedTo,
      @RequestParam(name = "end_date__gte", required = false) String endedFrom,
      @RequestParam(name = "end_date__lte", required = false) String endedTo,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + TutumPage.MAX_LIMIT))
      @RequestParam(defaultValue = "" + TutumPage.DEFAULT_LIMIT) int limit,
      @Parameter(schema = @Schema(minimum = "0")) @RequestParam(defaultValue = "0") int offset) {
    TutumPage.checkBounds(limit, offset);
    ActionQuery query = new ActionQuery(
        state == null ? null : ActionState.parse(state).orElseThrow(() -> ApiProblem.badRequest("invalid-state",
            "state must be one of Pending, In progress, Canceling, Canceled, Success, Failed")),
        object == null ? null : TutumUris.serviceUuid(object),
        date("start_date__gte", startedFrom),
        date("start_date__lte", startedTo),
        date("end_date__gte", endedFrom),
        date("end_date__lte", endedTo),
        limit,
        offset);
    List<ActionEntry> page = actions.list(query);
    Map<UUID, List<String>> logs = log.linesOf(page.stream().map(e -> e.action().id()).toList());
    return TutumPage.of(
        page.stream().map(e -> ActionObject.of(e, logs.getOrDefault(e.action().id(), List.of()))).toList(),
        actions.count(query), limit, offset, ServiceObjects.ACTIONS,
        TutumPage.filters("state", state, "object", object, "start_date__gte", startedFrom,
            "start_date__lte", startedTo, "end_date__gte", endedFrom, "end_date__lte", endedTo));
  }

  @Operation(summary = "An action, with its log")
  @ProblemResponses(404)
  @GetMapping(path = {"/api/v1/action/{uuid}", "/api/v1/action/{uuid}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ActionObject get(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid) {
    return objectOf(existing(uuid));
  }

  @Operation(summary = "An action's log as one text, a line each")
  @ProblemResponses(404)
  @GetMapping(path = {"/api/v1/action/{uuid}/logs", "/api/v1/action/{uuid}/logs/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  LogsText logs(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid) {
    return new LogsText(objectOf(existing(uuid)).logs());
  }

  @Operation(summary = "Cancel a deployment or redeploy that has not ended",
      description = "One still in the gate's line leaves it; one rolling out is rolled back. Start, stop, scale and"
          + " terminate run to their end and cannot be cancelled.")
  @ApiResponse(responseCode = "202", description = "Cancelling; the body is the action, now Canceling")
  @ProblemResponses({404, 409})
  @PostMapping(path = {"/api/v1/action/{uuid}/cancel", "/api/v1/action/{uuid}/cancel/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ActionObject> cancel(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String uuid,
      Principal principal) {
    ActionEntry entry = existing(uuid);
    UUID id = entry.action().id();
    String who = Caller.nameOf(principal);
    if (!entry.cancelable() || !deployments.cancel(id, "Canceled by " + who)) {
      throw new ApiProblem(HttpStatus.CONFLICT, "action-not-cancelable", "Action " + id + " (" + entry.action().action()
          + ") is " + entry.action().state().label() + " and cannot be canceled: only a deployment or redeploy that"
          + " has not ended can be");
    }
    actions.enter(id, ActionState.CANCELING);
    log.append(id, "cancel-requested", "Cancellation requested by " + who);
    String uri = ServiceObjects.ACTIONS + id + "/";
    return ResponseEntity.accepted().header("X-Tutum-Action-URI", uri).location(URI.create(uri))
        .body(objectOf(existing(uuid)));
  }

  private ActionObject objectOf(ActionEntry entry) {
    return ActionObject.of(entry, log.linesOf(List.of(entry.action().id())).getOrDefault(entry.action().id(), List.of()));
  }

  private ActionEntry existing(String uuid) {
    UUID id = TutumUris.parseUuid(uuid).orElseThrow(() -> ApiProblem.notFound("unknown-action",
        "There is no action " + uuid + ": an action is named by its uuid"));
    return actions.entry(id).orElseThrow(() -> ApiProblem.notFound("unknown-action", "There is no action " + uuid));
  }

  private static Instant date(String name, String text) {
    if (text == null) {
      return null;
    }
    return TutumDates.parse(text).orElseThrow(() -> ApiProblem.badRequest("invalid-date", name
        + " must be a date as Tutum writes it (Mon, 24 Nov 2026 10:00:00 +0000), an ISO 8601 date-time with an"
        + " offset, or a day (2026-11-24)"));
  }
}
