package io.mooring.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mooring.activities.registry.LocalRegistry.Auth;
import io.mooring.activities.registry.RegistryActivities.ResolveImages;
import io.mooring.activities.registry.RegistryActivities.ResolvedImages;
import io.mooring.activities.services.ServiceDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageResolutionTest {

  private static final String WEB = "sha256:" + "ab".repeat(32);
  private static final String TESTS = "sha256:" + "cd".repeat(32);

  private final RegistryActivitiesImpl activities = new RegistryActivitiesImpl(
      new RegistryClient(new RegistryEndpoints(Set.of()), Duration.ofSeconds(2)),
      new RegistrySettings(Map.of(), Set.of(), null, Set.of()), new SimpleMeterRegistry());

  @Test
  void resolvesTheServiceImageAndItsRegressionTestsAtTheVersionAsked() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.1.0", WEB)
        .with("demo/web-tests", "1.0.0", TESTS)) {
      ResolvedImages images = activities.resolve(new ResolveImages(service(registry), "1.1.0", "1.0.0"));
      assertThat(images.image()).isEqualTo(registry.host() + "/demo/web@" + WEB);
      assertThat(images.testImage()).isEqualTo(registry.host() + "/demo/web-tests@" + TESTS);
    }
  }

  @Test
  void aFirstStartOfAServiceWithRegressionTestsResolvesOnlyItsOwnImage() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", WEB)) {
      ResolvedImages images = activities.resolve(new ResolveImages(service(registry), "1.0.0", null));
      assertThat(images.digest()).isEqualTo(WEB);
      assertThat(images.testImage()).as("no regression test version was asked for").isNull();
    }
  }

  private static ServiceDefinition service(LocalRegistry registry) {
    return new ServiceDefinition("demo-web", registry.host() + "/demo/web", "1.0.0", null, 1, 18080, "/health",
        Map.of(), registry.host() + "/demo/web-tests", null);
  }
}
