package io.mooring.workflows.watch;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import io.mooring.activities.watch.ServiceReviews;
import io.mooring.activities.watch.WatchPolicies;
import io.mooring.activities.watch.WatchPolicy;
import io.mooring.workflows.deployment.Admission;
import io.mooring.workflows.deployment.DeploymentClient;
import io.mooring.workflows.deployment.DeploymentLinks;
import io.mooring.workflows.deployment.DeploymentRequest;
import io.mooring.workflows.gate.GateClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Decides from the store what the watcher deploys, and starts it as a Harmony deployment would be. */
@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class AutoDeployer implements AutoDeployActivities {

  /** Regression tests of an automatic deployment: the newest, as a Harmony PUT without one gets. */
  private static final String REGRESSION_TEST_VERSION = "latest";
  static final String SKIPPED = "SKIPPED";

  private final ServiceReviews reviews;
  private final ServiceStore services;
  private final DeploymentStore deploymentRecords;
  private final DeploymentClient deployments;
  private final DeploymentLinks links;
  private final GateClient gate;

  public AutoDeployer(ServiceReviews reviews, ServiceStore services, DeploymentStore deploymentRecords,
      DeploymentClient deployments, DeploymentLinks links, GateClient gate) {
    this.reviews = reviews;
    this.services = services;
    this.deploymentRecords = deploymentRecords;
    this.deployments = deployments;
    this.links = links;
    this.gate = gate;
  }

  @Override
  public AutoDeployPlan plan(PlanAutoDeploys request) {
    // Only services with auto-deploy on are reviewed: the others are never deployed by the watcher.
    List<AutoDeploy> wanted = reviews.review(policy -> policy.autoDeploy()
            && !request.leftAlone().contains(policy.service()), gate.state().enabled()).stream()
        .filter(review -> review.verdict().deploy())
        .limit(request.limit())
        .map(review -> new AutoDeploy(review.service().name(), review.verdict().wantedTag(),
            review.verdict().wantedDigest()))
        .toList();
    return new AutoDeployPlan(wanted);
  }

  @Override
  public Started start(StartAutoDeploy request) {
    UUID id = request.deploymentId();
    if (deploymentRecords.find(id).isPresent()) {
      return new Started(Admission.Verdict.ADMITTED.name(), "Started by an earlier attempt");
    }
    AutoDeploy candidate = request.candidate();
    if (!stillWanted(candidate)) {
      return new Started(SKIPPED, "The policy of " + candidate.service() + " no longer wants " + candidate.tag());
    }
    ServiceDefinition service = services.find(candidate.service()).orElse(null);
    if (service == null) {
      return new Started(Admission.Verdict.SERVICE_STATE.name(), "Service " + candidate.service() + " is gone");
    }
    ActionOrigin origin = new ActionOrigin("WATCH", "new version " + candidate.tag() + " of " + service.repository(),
        null, null, null, WatchPolicies.WATCHER, "mooring", false);
    try {
      Admission admission = deployments.start(DeploymentRequest.linked(id, WatchPolicies.WATCHER, service,
          candidate.tag(), REGRESSION_TEST_VERSION, links, true, "mooring", origin));
      return new Started(admission.verdict().name(), admission.detail());
    } catch (RuntimeException e) {
      if (startedBefore(e)) {
        return new Started(Admission.Verdict.ADMITTED.name(), "Started by an earlier attempt");
      }
      throw e;
    }
  }

  /**
   * A plan can be a minute old by the time its last start comes: auto-deploy switched off or a pin
   * set meanwhile wins.
   */
  private boolean stillWanted(AutoDeploy candidate) {
    return reviews.review(policy -> policy.service().equals(candidate.service()) && policy.autoDeploy(), true).stream()
        .anyMatch(review -> review.verdict().deploy() && review.verdict().wantedTag().equals(candidate.tag()));
  }

  private static boolean startedBefore(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WorkflowExecutionAlreadyStarted) {
        return true;
      }
    }
    return false;
  }
}
