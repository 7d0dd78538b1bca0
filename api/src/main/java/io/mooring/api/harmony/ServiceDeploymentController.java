package io.mooring.api.harmony;

import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.deployments.DeploymentQuery;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.common.deployments.HistoryCursor;
import io.mooring.api.common.deployments.LiveProgress;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.links.PublicLinks;
import io.mooring.api.common.openapi.ProblemResponses;
import io.mooring.api.common.security.Caller;
import io.mooring.workflows.deployment.DeploymentClient;
import io.mooring.workflows.gate.GateClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Harmony's {@code /service-deployment}: deployment history, one deployment's status, cancel. */
@RestController
@Tag(name = "Harmony: deployments")
class ServiceDeploymentController {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  private final DeploymentStore deployments;
  private final DeploymentIds ids;
  private final OperationLog deploymentLog;
  private final DeploymentClient deploymentClient;
  private final LiveProgress progress;
  private final GateClient gate;
  private final PublicLinks links;

  ServiceDeploymentController(
      DeploymentStore deployments, DeploymentIds ids, OperationLog deploymentLog, DeploymentClient deploymentClient,
      LiveProgress progress, GateClient gate, PublicLinks links) {
    this.progress = progress;
    this.links = links;
    this.deployments = deployments;
    this.ids = ids;
    this.deploymentLog = deploymentLog;
    this.deploymentClient = deploymentClient;
    this.gate = gate;
  }

  @Operation(summary = "Deployment history, newest first", description = "Paged by limit and cursor; the"
      + " next page's address is in the Link header")
  @ApiResponse(responseCode = "200", description = "One page", headers = @Header(name = "Link",
      description = "<…>; rel=\"next\" when there is a next page"))
  @ProblemResponses
  @GetMapping(path = "/service-deployment", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<DeploymentView>> history(
      @RequestParam(required = false) String service,
      @Parameter(schema = @Schema(allowableValues = {"running", "successful", "failed"}))
      @RequestParam(required = false) String status,
      @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
      @RequestParam(required = false) String limit,
      @Parameter(description = "Where the page starts: the opaque value of the previous page's Link header")
      @RequestParam(required = false) String cursor) {
    DeploymentStatus wanted = status == null || status.isEmpty() ? null : DeploymentStatus.parse(status)
        .orElseThrow(() -> ApiProblem.badRequest("invalid-status", "\"" + status.toLowerCase()
            + "\" is not a valid deployment status. Valid statuses are ["
            + Arrays.stream(DeploymentStatus.values()).map(s -> "\"" + s.label() + "\"").collect(Collectors.joining(","))
            + "]"));
    int pageSize = pageSize(limit);
    var after = cursor == null || cursor.isEmpty() ? null : HistoryCursor.decode(cursor);
    // One more than asked tells whether there is a next page without a second query.
    List<DeploymentRecord> rows = deployments.find(new DeploymentQuery(
        service == null || service.isEmpty() ? null : service, wanted, pageSize + 1, after));
    List<DeploymentRecord> page = rows.subList(0, Math.min(pageSize, rows.size()));
    HttpHeaders headers = new HttpHeaders();
    if (rows.size() > pageSize) {
      DeploymentRecord last = page.get(page.size() - 1);
      var next = links.at("/service-deployment");
      if (service != null && !service.isEmpty()) {
        next.queryParam("service", service);
      }
      if (wanted != null) {
        next.queryParam("status", wanted.label());
      }
      next.queryParam("limit", pageSize)
          .queryParam("cursor", HistoryCursor.encode(new DeploymentQuery.Position(last.createdAt(), last.id())));
      headers.add(HttpHeaders.LINK, "<" + next.encode().build().toUriString() + ">; rel=\"next\"");
    }
    return ResponseEntity.ok().headers(headers).body(page.stream().map(DeploymentView::of).toList());
  }

  @Operation(summary = "One deployment's status, with live progress while it runs")
  @ProblemResponses(404)
  @GetMapping(path = "/service-deployment/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  DeploymentView deployment(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
    DeploymentRecord record = ids.existing(id);
    if (record.status() != DeploymentStatus.RUNNING) {
      return DeploymentView.of(record);
    }
    Integer place = "queued".equals(record.phase()) ? gate.state().placeOf(record.id().toString()) : null;
    return DeploymentView.of(record, progress.of(record).orElse(null),
        place == null || place == 0 ? null : place);
  }

  @Operation(summary = "Cancel a running or queued deployment; it rolls back or leaves the line")
  @ApiResponse(responseCode = "202", description = "Cancellation requested")
  @ProblemResponses({404, 409})
  @PostMapping(path = "/service-deployment/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DeploymentView> cancel(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id, Principal principal) {
    DeploymentRecord record = ids.existing(id);
    if (record.status() != DeploymentStatus.RUNNING) {
      throw new ApiProblem(HttpStatus.CONFLICT, "deployment-finished",
          "Deployment " + record.id() + " is already " + record.status().label() + " and cannot be cancelled");
    }
    if (!deploymentClient.cancel(record.id(), "Cancelled by " + Caller.nameOf(principal))) {
      throw new ApiProblem(HttpStatus.CONFLICT, "deployment-finished",
          "Deployment " + record.id() + " is no longer running and cannot be cancelled");
    }
    deploymentLog.append(record.id(), "cancel-requested", "Cancellation requested by " + Caller.nameOf(principal));
    return ResponseEntity.accepted().body(DeploymentView.of(record));
  }

  private static int pageSize(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as an out-of-range number.
    }
    throw ApiProblem.badRequest("invalid-limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT);
  }
}
