package io.mooring.workflows.watch;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** The registry watcher's reconcile: what to deploy, and deploying it through Harmony's path. */
@ActivityInterface(namePrefix = "AutoDeploy")
public interface AutoDeployActivities {

  /** The services whose policy wants another version than the one they run, and nothing holds back. */
  AutoDeployPlan plan(PlanAutoDeploys request);

  /**
   * Starts one deployment, as {@code registry-watcher}, waiting in the gate's line. Started once
   * for its id: a retried attempt finds the deployment already there.
   */
  Started start(StartAutoDeploy request);

  /**
   * @param limit the most deployments one cycle starts
   * @param leftAlone services not to deploy now (their last start was refused a moment ago)
   */
  record PlanAutoDeploys(int limit, List<String> leftAlone) {
    public PlanAutoDeploys {
      leftAlone = leftAlone == null ? List.of() : List.copyOf(leftAlone);
    }
  }

  record AutoDeployPlan(List<AutoDeploy> deploys) {
    public AutoDeployPlan {
      deploys = deploys == null ? List.of() : List.copyOf(deploys);
    }
  }

  /** @param digest what the tag pointed at when the watcher read it; null when it did not read it */
  record AutoDeploy(String service, String tag, String digest) {}

  record StartAutoDeploy(UUID deploymentId, AutoDeploy candidate) {}

  /**
   * @param verdict the admission's verdict ({@code ADMITTED}, {@code QUEUED}, or why it was refused:
   *     {@code SKIPPED} when the policy no longer wants the candidate)
   */
  record Started(String verdict, String detail) {}
}
