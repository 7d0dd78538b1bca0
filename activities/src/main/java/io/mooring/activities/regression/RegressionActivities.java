package io.mooring.activities.regression;

import io.mooring.activities.services.ServiceDefinition;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Runs a service's regression tests against its freshly started replicas. */
@ActivityInterface(namePrefix = "Regression")
public interface RegressionActivities {

  /** Runs the test image to completion (heartbeating); its output goes into the deployment log. */
  RegressionResult run(RunRegressionTests request);

  /**
   * @param testImage the test image by digest, as validated at admission
   * @param serviceUrl where the new replicas answer, given to the tests as {@code MOORING_SERVICE_URL};
   *     null: the runtime says where the deployment's first new replica answers
   */
  record RunRegressionTests(
      UUID deploymentId, ServiceDefinition service, String testImage, String tag, String serviceUrl) {}

  record RegressionResult(boolean passed, int exitCode, int outputLines) {}
}
