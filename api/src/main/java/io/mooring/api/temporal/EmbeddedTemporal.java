package io.mooring.api.temporal;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default runs Temporal's in-process test server. Its clock must be the real one:
 * time skipping would fire health-check and retry timers early.
 */
@Configuration
class EmbeddedTemporal {

  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realClock() {
    return builder -> builder.setUseTimeskipping(false);
  }
}
