package io.mooring.activities.registry;

import java.time.Duration;
import io.mooring.activities.notify.NotificationSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({RegistrySettings.class, WatchSettings.class, NotificationSettings.class})
public class RegistryConfiguration {

  @Bean
  RegistryClient registryClient(RegistrySettings settings) {
    return new RegistryClient(new RegistryEndpoints(settings.insecureHosts()), Duration.ofSeconds(5));
  }
}
