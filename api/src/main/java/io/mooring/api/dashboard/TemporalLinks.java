package io.mooring.api.dashboard;

import io.mooring.activities.actions.ActionEntry;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.service.ServiceAction;
import io.mooring.workflows.service.ServiceWorkflow;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links into the Temporal UI, where one is configured: the workflow that runs a deployment, or a
 * service's actions.
 */
@Component
@EnableConfigurationProperties(DashboardSettings.class)
public class TemporalLinks {

  private final DashboardSettings settings;
  private final String namespace;

  TemporalLinks(DashboardSettings settings, @Value("${spring.temporal.namespace:default}") String namespace) {
    this.settings = settings;
    this.namespace = namespace;
  }

  /** Whether a Temporal UI is configured to link to: pages show no links otherwise. */
  public boolean shown() {
    return settings.temporalUiUrl() != null && !settings.temporalUiUrl().isBlank();
  }

  public String deployment(UUID id) {
    return workflow(DeploymentRequest.workflowId(id));
  }

  /** A service's actions run in its own workflow, one after the other. */
  public String service(UUID uuid) {
    return workflow(ServiceWorkflow.workflowId(uuid));
  }

  /**
   * Where an action ran: a deployment or a redeploy has a deployment workflow of its own (its id is
   * the action's), every other action ran in its service's workflow.
   */
  public String action(ActionEntry entry) {
    String title = entry.action().action();
    return ServiceAction.DEPLOY.title().equals(title) || ServiceAction.REDEPLOY.title().equals(title)
        ? deployment(entry.action().id()) : service(entry.serviceUuid());
  }

  private String workflow(String workflowId) {
    return UriComponentsBuilder.fromUriString(settings.temporalUiUrl())
        .pathSegment("namespaces", namespace, "workflows", workflowId)
        .build().encode().toUriString();
  }
}
