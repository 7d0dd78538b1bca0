package io.mooring.api.harmony;

import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.common.errors.ApiProblem;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds a deployment by the id in a path, or says clearly why it cannot. */
@Component
class DeploymentIds {

  private final DeploymentStore deployments;

  DeploymentIds(DeploymentStore deployments) {
    this.deployments = deployments;
  }

  DeploymentRecord existing(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid-deployment-id", "'" + id + "' is not a deployment id: ids are UUIDs");
    }
    if (!uuid.toString().equalsIgnoreCase(id)) {
      throw ApiProblem.badRequest("invalid-deployment-id", "'" + id + "' is not a deployment id: ids are UUIDs");
    }
    return deployments.find(uuid).orElseThrow(() -> ApiProblem.notFound("unknown-deployment", "Deployment does not exist"));
  }
}
