package io.mooring.activities.runtime.docker;

import io.mooring.activities.runtime.RuntimeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Docker Engine as the runtime: the one adapter today, at the engine {@code DOCKER_HOST} names. */
@Configuration
public class DockerConfiguration {

  @Bean(destroyMethod = "close")
  DockerEngine dockerEngine(RuntimeSettings settings) {
    return new DockerEngine(settings.dockerHost(), settings.stopTimeout(), settings.publishAddress());
  }
}
