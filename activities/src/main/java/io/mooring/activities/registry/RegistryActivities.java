package io.mooring.activities.registry;

import io.mooring.activities.services.ServiceDefinition;
import io.temporal.activity.ActivityInterface;

/** Validation against the registry: is the image there, and what exactly is it. */
@ActivityInterface(namePrefix = "Registry")
public interface RegistryActivities {

  /**
   * Resolves the service image at {@code tag}, and its regression test image at
   * {@code regressionTestVersion} when the service has one and a version is asked for, to digests. Fails with type
   * {@value #IMAGE_UNREACHABLE} (not retried) when either is missing or not readable.
   */
  ResolvedImages resolve(ResolveImages request);

  String IMAGE_UNREACHABLE = "ImageUnreachable";
  String REGISTRY_UNAVAILABLE = "RegistryUnavailable";

  record ResolveImages(ServiceDefinition service, String tag, String regressionTestVersion) {}

  /**
   * @param image the service image by digest, what every replica will run
   * @param testImage the regression test image by digest, or null when the service has none
   */
  record ResolvedImages(String image, String digest, String testImage) {}
}
