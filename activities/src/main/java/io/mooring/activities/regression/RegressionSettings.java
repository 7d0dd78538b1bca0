package io.mooring.activities.regression;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param timeout how long a regression test run may take before it counts as failed */
@ConfigurationProperties("mooring.regression")
public record RegressionSettings(Duration timeout) {
  public RegressionSettings {
    timeout = timeout == null ? Duration.ofMinutes(15) : timeout;
  }
}
