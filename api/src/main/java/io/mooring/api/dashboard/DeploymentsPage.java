package io.mooring.api.dashboard;

import io.mooring.activities.deployments.DeploymentQuery;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.common.deployments.HistoryCursor;
import io.mooring.api.common.errors.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Deployment history with the API's filters (service, status), newest first, a page at a time by
 * the same cursor; while any deployment on the page runs, htmx refreshes the table.
 */
@Controller
@Hidden
class DeploymentsPage {

  private static final int PAGE = 50;

  private final DeploymentStore deployments;
  private final TemporalLinks temporal;

  DeploymentsPage(DeploymentStore deployments, TemporalLinks temporal) {
    this.deployments = deployments;
    this.temporal = temporal;
  }

  @GetMapping("/ui/deployments")
  String deployments(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor, @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response, Model model) {
    String wantedService = service == null || service.isBlank() ? null : service.strip();
    DeploymentStatus wanted = status == null || status.isBlank() ? null : DeploymentStatus.parse(status).orElse(null);
    DeploymentQuery.Position after = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        after = HistoryCursor.decode(cursor);
      } catch (ApiProblem notOurs) {
        after = null;   // a cursor mangled in the address bar: the first page is the honest answer
      }
    }
    List<DeploymentRecord> rows = deployments.find(new DeploymentQuery(wantedService, wanted, PAGE + 1, after));
    List<DeploymentRecord> page = rows.subList(0, Math.min(PAGE, rows.size()));
    String older = null;
    if (rows.size() > PAGE) {
      DeploymentRecord last = page.get(page.size() - 1);
      older = address(wantedService, wanted, new DeploymentQuery.Position(last.createdAt(), last.id()));
    }
    model.addAttribute("deployments", page);
    model.addAttribute("service", wantedService == null ? "" : wantedService);
    model.addAttribute("status", wanted == null ? "" : wanted.label());
    model.addAttribute("statuses", DeploymentStatus.values());
    model.addAttribute("older", older);
    model.addAttribute("self", address(wantedService, wanted, after));
    model.addAttribute("anyRunning", page.stream().anyMatch(d -> d.status() == DeploymentStatus.RUNNING));
    model.addAttribute("temporal", temporal);
    response.addHeader("Vary", "HX-Request");
    return htmx != null ? "deployments :: table" : "deployments";
  }

  private static String address(String service, DeploymentStatus status, DeploymentQuery.Position after) {
    return UriComponentsBuilder.fromPath("/ui/deployments")
        .queryParamIfPresent("service", Optional.ofNullable(service))
        .queryParamIfPresent("status", Optional.ofNullable(status).map(DeploymentStatus::label))
        .queryParamIfPresent("cursor", Optional.ofNullable(after).map(HistoryCursor::encode))
        .build().encode().toUriString();
  }
}
