package io.mooring.activities.runtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RuntimeSettings.class)
public class RuntimeConfiguration {

  @Bean
  ReplicaHealth replicaHealth() {
    return new ReplicaHealth();
  }
}
