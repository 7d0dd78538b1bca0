package io.mooring.activities.registry;

import io.mooring.activities.TaskQueues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class RegistryActivitiesImpl implements RegistryActivities {

  private final RegistryClient registry;
  private final RegistrySettings credentials;
  private final MeterRegistry metrics;

  public RegistryActivitiesImpl(RegistryClient registry, RegistrySettings credentials, MeterRegistry metrics) {
    this.registry = registry;
    this.credentials = credentials;
    this.metrics = metrics;
  }

  @Override
  public ResolvedImages resolve(ResolveImages request) {
    var service = request.service();
    ImageReference image = ImageReference.of(service.repository(), request.tag());
    String digest = digestOf(image, service.credentials());
    String testImage = null;
    // A start pins only the service's own image: no regression tests run, so no version is asked for.
    if (service.regressionImage() != null && request.regressionTestVersion() != null) {
      ImageReference tests = ImageReference.of(service.regressionImage(), request.regressionTestVersion());
      testImage = tests.repository() + "@" + digestOf(tests, service.credentials());
    }
    return new ResolvedImages(image.repository() + "@" + digest, digest, testImage);
  }

  private String digestOf(ImageReference image, String credentialsName) {
    try {
      String digest = registry.resolveDigest(image, credentials.named(credentialsName));
      count(image, "found");
      return digest;
    } catch (ImageUnreachableException e) {
      count(image, "not-found");
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), IMAGE_UNREACHABLE);
    } catch (RegistryUnavailableException e) {
      count(image, "unavailable");
      throw ApplicationFailure.newFailure(image + " is unreachable: " + e.getMessage(), REGISTRY_UNAVAILABLE);
    }
  }

  private void count(ImageReference image, String outcome) {
    Counter.builder("mooring.registry.requests")
        .description("Registry look-ups (manifest digests), by registry and outcome")
        .tag("registry", image.registry())
        .tag("outcome", outcome)
        .register(metrics)
        .increment();
  }
}
