package io.mooring.activities.runtime.swarm;

import io.mooring.activities.runtime.RuntimeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Docker Swarm as the runtime of the services that record it, at the manager {@code DOCKER_HOST}
 * names. Always there, whatever runtime new services get: a service created in swarm mode keeps
 * being driven through it after the setting changes back.
 */
@Configuration
public class SwarmConfiguration {

  @Bean(destroyMethod = "close")
  DockerSwarm dockerSwarm(RuntimeSettings settings) {
    return new DockerSwarm(settings.dockerHost());
  }
}
