package io.mooring.activities.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({RegistrySettings.class, WatchSettings.class})
public class RegistryConfiguration {

  @Bean
  RegistryClient registryClient(RegistrySettings settings) {
    return new RegistryClient(new RegistryEndpoints(settings.insecureHosts()), Duration.ofSeconds(5));
  }
}
