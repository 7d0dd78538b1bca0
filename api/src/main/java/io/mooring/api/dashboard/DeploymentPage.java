package io.mooring.api.dashboard;

import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.common.deployments.LiveProgress;
import io.mooring.workflows.deployment.DeploymentProgress;
import io.mooring.workflows.gate.GateClient;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * One deployment: what, for whom, where it stands (live progress while it runs, its place in the
 * gate's line while it waits), its log as it is written to the end, and a cancel button.
 */
@Controller
@Hidden
class DeploymentPage {

  private final DeploymentStore deployments;
  private final LiveProgress progresses;
  private final GateClient gate;
  private final TemporalLinks temporal;

  DeploymentPage(DeploymentStore deployments, LiveProgress progresses, GateClient gate, TemporalLinks temporal) {
    this.deployments = deployments;
    this.progresses = progresses;
    this.gate = gate;
    this.temporal = temporal;
  }

  @GetMapping("/ui/deployments/{id}")
  String deployment(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    DeploymentRecord record = find(id);
    boolean running = record.status() == DeploymentStatus.RUNNING;
    DeploymentProgress progress = progresses.of(record).orElse(null);
    Integer place = running && "queued".equals(record.phase()) ? gate.state().placeOf(record.id().toString()) : null;
    model.addAttribute("deployment", record);
    model.addAttribute("running", running);
    model.addAttribute("progress", progress);
    model.addAttribute("place", place == null || place == 0 ? null : place);
    model.addAttribute("temporal", temporal);
    return htmx != null ? "deployment :: status" : "deployment";
  }

  private DeploymentRecord find(String id) {
    try {
      return deployments.find(UUID.fromString(id))
          .orElseThrow(() -> new PageNotFound(DashboardSentences.noSuchDeployment(id)));
    } catch (IllegalArgumentException notAnId) {
      throw new PageNotFound(DashboardSentences.noSuchDeployment(id));
    }
  }
}
