package io.mooring.api.health;

import io.mooring.activities.runtime.ContainerRuntime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Says whether the container engine answers, and where Mooring looks for it. */
@Component("docker")
class DockerHealthIndicator implements HealthIndicator {

  private final ContainerRuntime runtime;

  DockerHealthIndicator(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    if (runtime.ping()) {
      return Health.up().withDetail("endpoint", runtime.endpoint()).build();
    }
    return Health.down()
        .withDetail("endpoint", runtime.endpoint())
        .withDetail("error", "The Docker Engine at " + runtime.endpoint() + " does not answer; deployments will fail")
        .build();
  }
}
