package io.mooring.workflows.deployment;

import io.mooring.activities.actions.ActionOrigin;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * A deployment's way into its service's turn. A deployment changes the service's containers, so it
 * runs in the service's turn as a lifecycle action does: the service's workflow decides whether the
 * state allows it, and no other action changes the containers until the deployment says it ended.
 * A workflow cannot send another an Update, so these activities carry the question and the answer.
 */
@ActivityInterface(namePrefix = "ServiceTurn")
public interface ServiceTurnActivities {

  /** Asks for the service's turn; waits for the actions taken in before it; refused for the service's state. */
  Turn take(TakeTurn request);

  /** Tells the service the deployment ended, so its next action may go. Nothing when the service is gone. */
  void giveBack(DeploymentEnded request);

  /** Whether the deployment's workflow still runs: a service's check on a deployment that never said it ended. */
  boolean stillRunning(FindDeployment request);

  /**
   * @param origin the request that asked for the deployment; null when none did
   */
  record TakeTurn(UUID service, UUID deploymentId, ActionOrigin origin, String statusLink, String logsLink) {}

  /** @param refusal the sentence naming the service's state and why it allows no deployment; null when taken */
  record Turn(boolean taken, String refusal) {}

  /**
   * @param status the deployment's end: {@code successful}, {@code failed} or {@code rejected}
   * @param containersAsBefore what ran before runs again (the deployment succeeded, changed nothing
   *     or was rolled back); false when its rollback failed and only the engine knows
   */
  record DeploymentEnded(UUID service, UUID deploymentId, String status, boolean containersAsBefore) {
    public boolean succeeded() {
      return "successful".equals(status);
    }
  }

  record FindDeployment(UUID deploymentId) {}
}
