package io.mooring.activities.deployments;

import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.actions.LogStep;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Deployment history and logs, written by the workflow as the story unfolds. */
@ActivityInterface(namePrefix = "History")
public interface HistoryActivities {

  /**
   * Creates the deployment's history row and its action (once each, however often it is retried).
   * A redeploy's action exists already: the service's workflow opened it.
   */
  void open(OpenDeployment request);

  void log(LogStep request);

  void enterPhase(EnterPhase request);

  /** Records the deployed version as the service's current one. */
  void recordVersion(RecordVersion request);

  void succeed(Succeeded request);

  void fail(Failed request);

  record OpenDeployment(
      UUID deploymentId,
      String username,
      String service,
      String tag,
      String regressionTestVersion,
      String digest,
      String previousTag,
      String phase,
      String callerKind,
      ActionOrigin origin) {}

  /** @param step a name unique within the deployment, so a retried write lands once */
  record LogStep(UUID deploymentId, String step, String line) {}

  record EnterPhase(UUID deploymentId, String phase) {}

  record RecordVersion(UUID deploymentId, String service, String tag, String digest) {}

  record Succeeded(UUID deploymentId, String message) {}

  /** @param cancelled it ended because someone cancelled it, so its action reads {@code Canceled} */
  record Failed(UUID deploymentId, String message, boolean rolledBack, boolean cancelled) {}
}
