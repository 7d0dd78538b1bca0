package io.mooring.api.temporal;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WorkerTuning {

  /**
   * Activities learn that their deployment was cancelled only from a heartbeat's answer. The SDK
   * throttles heartbeats to 80% of the heartbeat timeout by default (24 s for rollout steps);
   * a 1 s ceiling lets a cancel stop a rollout step or a regression run within about a second.
   */
  @Bean
  WorkerOptionsCustomizer promptCancellation() {
    return (builder, workerName, taskQueue) -> builder.setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1));
  }
}
