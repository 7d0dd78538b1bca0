package io.mooring.api.harmony;

import io.mooring.activities.store.DeploymentLog;
import io.mooring.activities.store.DeploymentQuery;
import io.mooring.activities.store.DeploymentRecord;
import io.mooring.activities.store.DeploymentStatus;
import io.mooring.activities.store.DeploymentStore;
import io.mooring.api.errors.ApiProblem;
import io.mooring.workflows.deployment.DeploymentClient;
import io.mooring.workflows.gate.GateClient;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Harmony's {@code /service-deployment}: deployment history, one deployment's status, cancel. */
@RestController
class ServiceDeploymentController {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  private final DeploymentStore deployments;
  private final DeploymentIds ids;
  private final DeploymentLog deploymentLog;
  private final DeploymentClient deploymentClient;
  private final GateClient gate;

  ServiceDeploymentController(
      DeploymentStore deployments, DeploymentIds ids, DeploymentLog deploymentLog, DeploymentClient deploymentClient,
      GateClient gate) {
    this.deployments = deployments;
    this.ids = ids;
    this.deploymentLog = deploymentLog;
    this.deploymentClient = deploymentClient;
    this.gate = gate;
  }

  @GetMapping(path = "/service-deployment", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<DeploymentView>> history(
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String limit,
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
      String next = ServletUriComponentsBuilder.fromCurrentRequest()
          .replaceQueryParam("limit", pageSize)
          .replaceQueryParam("cursor", HistoryCursor.encode(new DeploymentQuery.Position(last.createdAt(), last.id())))
          .build().toUriString();
      headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return ResponseEntity.ok().headers(headers).body(page.stream().map(DeploymentView::of).toList());
  }

  @GetMapping(path = "/service-deployment/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  DeploymentView deployment(@PathVariable String id) {
    DeploymentRecord record = ids.existing(id);
    if (record.status() != DeploymentStatus.RUNNING) {
      return DeploymentView.of(record);
    }
    Integer place = "queued".equals(record.phase()) ? gate.state().placeOf(record.id().toString()) : null;
    return DeploymentView.of(record, deploymentClient.progress(record.id()).orElse(null),
        place == null || place == 0 ? null : place);
  }

  @PostMapping(path = "/service-deployment/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DeploymentView> cancel(@PathVariable String id, Principal principal) {
    DeploymentRecord record = ids.existing(id);
    if (record.status() != DeploymentStatus.RUNNING) {
      throw new ApiProblem(HttpStatus.CONFLICT, "deployment-finished",
          "Deployment " + record.id() + " is already " + record.status().label() + " and cannot be cancelled");
    }
    deploymentClient.cancel(record.id(), "Cancelled by " + Caller.nameOf(principal));
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
