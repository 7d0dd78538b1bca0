package io.mooring.api.dashboard;

import io.mooring.activities.actions.ActionQuery;
import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.deployments.DeploymentQuery;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.services.ServiceState;
import io.mooring.workflows.service.ServiceAction;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * One service: its containers, the lifecycle buttons its state allows, a tag to deploy, its latest
 * deployments and actions, and its containers' output as it is written.
 */
@Controller
@Hidden
class ServicePage {

  private static final int RECENT = 10;
  /** The service's own actions, in the order its page offers them; scaling has a form of its own. */
  private static final List<ServiceAction> BUTTONS =
      List.of(ServiceAction.START, ServiceAction.STOP, ServiceAction.REDEPLOY, ServiceAction.TERMINATE);

  private final ServiceBoard board;
  private final ContainerRuntime engine;
  private final DeploymentStore deployments;
  private final ActionStore actions;
  private final TemporalLinks temporal;

  ServicePage(ServiceBoard board, ContainerRuntime engine, DeploymentStore deployments, ActionStore actions,
      TemporalLinks temporal) {
    this.board = board;
    this.engine = engine;
    this.deployments = deployments;
    this.actions = actions;
    this.temporal = temporal;
  }

  @GetMapping("/ui/services/{name}")
  String service(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    ServiceRow row = board.one(name).rows().stream().findFirst()
        .orElseThrow(() -> new PageNotFound(DashboardSentences.noSuchService(name)));
    ServiceState state = ServiceState.parse(row.state()).orElse(ServiceState.INIT);
    model.addAttribute("service", row);
    model.addAttribute("containers", containers(name));
    model.addAttribute("buttons", BUTTONS.stream().filter(a -> a.allowedIn(state)).toList());
    model.addAttribute("canScale", ServiceAction.SCALE.allowedIn(state));
    model.addAttribute("canDeploy", ServiceAction.DEPLOY.allowedIn(state));
    model.addAttribute("deployments", deployments.find(new DeploymentQuery(name, null, RECENT, null)));
    model.addAttribute("actions", actions.list(new ActionQuery(null, row.uuid(), null, null, null, null, RECENT, 0)));
    model.addAttribute("temporal", temporal);
    return htmx != null ? "service :: live" : "service";
  }

  private List<ContainerStatus> containers(String name) {
    try {
      return engine.replicasOf(name).stream()
          .sorted(Comparator.comparing(ContainerStatus::name)).toList();
    } catch (RuntimeUnavailableException away) {
      return List.of();
    }
  }
}
