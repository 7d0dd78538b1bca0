package io.mooring.activities.runtime;

import io.mooring.activities.regression.RegressionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({RuntimeSettings.class, RegressionSettings.class})
public class RuntimeConfiguration {

  @Bean(destroyMethod = "close")
  DockerEngine dockerEngine(RuntimeSettings settings) {
    return new DockerEngine(settings.dockerHost(), settings.stopTimeout(), settings.publishAddress());
  }

  @Bean
  ReplicaHealth replicaHealth() {
    return new ReplicaHealth();
  }
}
