package io.mooring.workflows.deployment;

import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.services.ServiceDefinition;
import java.util.UUID;

/**
 * Everything a deployment needs, fixed when it starts.
 *
 * @param service the service as it was when the deployment was requested, current version included
 * @param statusLink where its status is read ({@code …/service-deployment/<id>})
 * @param logsLink where its log is read ({@code …/deployment-logs/<id>})
 * @param queue wait in the gate's line instead of being refused when another deployment runs
 * @param callerKind what kind of identity {@code username} is ({@code person} or {@code pipeline});
 *     null in deployments started before Mooring recorded it
 * @param origin the request that asked for it, kept on its action; null when no request did
 *     (deployments started before Mooring kept actions, and a redeploy, whose action is open already)
 */
public record DeploymentRequest(
    UUID deploymentId,
    String username,
    ServiceDefinition service,
    String tag,
    String regressionTestVersion,
    String statusLink,
    String logsLink,
    boolean queue,
    String callerKind,
    ActionOrigin origin) {

  /** A request whose status and log links are the deployment's own, at Mooring's public address. */
  public static DeploymentRequest linked(UUID deploymentId, String username, ServiceDefinition service, String tag,
      String regressionTestVersion, DeploymentLinks links, boolean queue, String callerKind, ActionOrigin origin) {
    return new DeploymentRequest(deploymentId, username, service, tag, regressionTestVersion,
        links.deploymentStatus(deploymentId), links.deploymentLogs(deploymentId), queue, callerKind, origin);
  }

  /**
   * What the Temporal UI shows in its list and at the top of the workflow: which service, which
   * tag, who asked, so an operator who lands there knows what they are looking at.
   */
  public String summary() {
    return "Deploy " + service.name() + " " + tag + " for " + username;
  }

  /** The UI's details pane: where the deployment comes from and where Mooring shows it (Markdown). */
  public String details() {
    return "**Service** " + service.name() + " (" + service.repository() + ")  \n"
        + "**Tag** " + tag + (service.tag() == null ? "" : ", replacing " + service.tag()) + "  \n"
        + "**Asked by** " + username + (callerKind == null ? "" : " (" + callerKind + ")")
        + (queue ? ", waiting in the gate's line if needed" : "") + "  \n"
        + "**Status** " + statusLink + "  \n"
        + "**Log** " + logsLink;
  }

  public static String workflowId(UUID deploymentId) {
    return "deployment-" + deploymentId;
  }
}
