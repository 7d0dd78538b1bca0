package io.mooring.api.common.deployments;

import io.mooring.api.common.errors.ApiProblem;
import io.mooring.workflows.deployment.Admission;
import io.mooring.workflows.deployment.DeploymentClient;
import io.mooring.workflows.deployment.DeploymentRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts a deployment and turns a refusal into the HTTP answer Harmony gives for it; every face that
 * deploys a tag (Harmony's PUT, registrywatcher's pins) answers a refusal the same way.
 */
@Component
public class Deployer {

  private final DeploymentClient deployments;

  public Deployer(DeploymentClient deployments) {
    this.deployments = deployments;
  }

  public Admission start(DeploymentRequest request) {
    Admission admission = deployments.start(request);
    return switch (admission.verdict()) {
      case ADMITTED, QUEUED -> admission;
      case DISABLED -> throw new ApiProblem(HttpStatus.LOCKED, "deployment-disabled", admission.detail());
      case LOCKED -> throw new ApiProblem(HttpStatus.LOCKED, "deployment-locked", admission.detail());
      case UNREACHABLE -> throw ApiProblem.notFound("image-unreachable", admission.detail());
      case SERVICE_STATE -> throw new ApiProblem(HttpStatus.CONFLICT, "deployment-not-allowed", admission.detail());
      case REGISTRY_UNAVAILABLE -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          admission.detail());
    };
  }
}
