package io.mooring.activities.registry;

import io.mooring.activities.TaskQueues;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class RegistryActivitiesImpl implements RegistryActivities {

  private final RegistryClient registry;
  private final RegistrySettings credentials;

  public RegistryActivitiesImpl(RegistryClient registry, RegistrySettings credentials) {
    this.registry = registry;
    this.credentials = credentials;
  }

  @Override
  public ResolvedImages resolve(ResolveImages request) {
    var service = request.service();
    ImageReference image = ImageReference.of(service.repository(), request.tag());
    String digest = digestOf(image, service.credentials());
    String testImage = null;
    if (service.regressionImage() != null) {
      ImageReference tests = ImageReference.of(service.regressionImage(), request.regressionTestVersion());
      testImage = tests.repository() + "@" + digestOf(tests, service.credentials());
    }
    return new ResolvedImages(image.repository() + "@" + digest, digest, testImage);
  }

  private String digestOf(ImageReference image, String credentialsName) {
    try {
      return registry.resolveDigest(image, credentials.named(credentialsName));
    } catch (ImageUnreachableException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), IMAGE_UNREACHABLE);
    } catch (RegistryUnavailableException e) {
      throw ApplicationFailure.newFailure(image + " is unreachable: " + e.getMessage(), REGISTRY_UNAVAILABLE);
    }
  }
}
